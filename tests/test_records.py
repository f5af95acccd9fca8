"""Records kept in a corpus's attrs are read-only lists of dicts that pandas shares."""

import copy
import json
import pickle

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from arabic_news.corpus.records import Records, Row

rows = st.lists(st.dictionaries(st.sampled_from(["doc_id", "kept", "words"]),
                                st.one_of(st.integers(), st.text(max_size=5)), min_size=1),
                max_size=6)


@given(rows)
def test_records_read_as_the_list_of_dicts_they_hold(plain):
    records = Records(plain)
    assert records == plain and len(records) == len(plain)
    assert json.loads(json.dumps(records)) == json.loads(json.dumps(plain))
    assert pickle.loads(pickle.dumps(records)) == plain
    assert type(pickle.loads(pickle.dumps(records))) is Records
    assert copy.deepcopy(records) is records and copy.copy(records) is records
    assert pd.DataFrame(records).equals(pd.DataFrame(plain))


def test_records_cannot_be_changed():
    records = Records([{"doc_id": "a"}])
    for change in (lambda: records.append({}), lambda: records.__setitem__(0, {}),
                   lambda: records.extend([]), lambda: records.pop(),
                   lambda: records[0].__setitem__("doc_id", "b"),
                   lambda: records[0].update(kept="b"), lambda: records.sort()):
        with pytest.raises(TypeError, match="cannot be changed"):
            change()
    assert records == [{"doc_id": "a"}] and isinstance(records[0], Row)
    editable = [dict(row) for row in records]
    editable[0]["doc_id"] = "b"
    assert records[0]["doc_id"] == "a"
