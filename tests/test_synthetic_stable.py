"""The synthetic NER training text must not change by accident.

``sarpack train-ner`` trains the shipped model on ``synthetic.py``'s output (and experiments
on ``synthetic_v2.py``'s, plus ``--synthetic-extra`` documents of its new genres), so the same
seed and count must give the same documents byte for byte, or the model's training is no
longer reproducible. These hashes pin a small sample of each, generated through the entry
points ``recognizers/ner/train.py`` uses. The pools are the built-in name lists only (loading
``names-dataset`` takes ~10 s); the lists that drive the names-dataset part are pinned too.

If a change to the generators is *meant* to alter the training text, add a new generator
version instead of editing one the shipped model or a recorded experiment depends on.
"""

from __future__ import annotations

import hashlib

from recognizers.ner import synthetic, synthetic_v2


#: The first document of each sample, spelt out (generated before v2 was folded onto v1).
V1_FIRST_TEXT = ("Receiving parent's sister Claudette Francis answered the phone.\n\n"
                 "Payment of £610.05 received from Hina Ayesha\nAnwar.\n\n"
                 "2022-05-28 Spoke to Ms. Anwar about the payment.")
V1_FIRST_SPANS = [(26, 43, "PERSON"), (98, 115, "PERSON"), (142, 147, "PERSON")]
V2_FIRST_TEXT = ("Payment of £736.54 received from Anh Linh Truong. Referred to Greggs for debt advice. "
                 "Anh happy with this. Marlon Barrett from NatWest confirmed Ms Truong works 30 hours a week.")
V2_FIRST_SPANS = [(33, 48, "PERSON"), (62, 68, "ORG"), (86, 89, "PERSON"), (107, 121, "PERSON"),
                  (127, 134, "ORG"), (148, 154, "PERSON")]


def _sha(obj) -> str:
    return hashlib.sha256(repr(obj).encode("utf-8")).hexdigest()


def _docs(docs) -> list:
    return [(d.text, d.spans, d.genre) for d in docs]


def _pool_inputs(mod) -> tuple:
    return (list(mod.COUNTRY_WEIGHTS.items()), list(mod.BUILTIN.items()),
            list(mod.BUILTIN_WEIGHTS.items()))


def test_pool_lists_unchanged():
    assert _sha(_pool_inputs(synthetic)) == "0c914e1cfa02c5528b2720af3a6de86ccd80c4793146195f616362000d7f9967"
    assert _sha(_pool_inputs(synthetic_v2)) == "42ca792f1733fbc1ec2e064ab8db855ffd2e12f9a89de0bbb2244e81653d8aa9"


def test_v1_output_unchanged():
    pools = synthetic.NamePools.load(use_names_dataset=False)
    docs = synthetic.generate(60, seed=3, pools=pools)
    assert docs[0].text == V1_FIRST_TEXT
    assert docs[0].spans == V1_FIRST_SPANS
    assert _sha(_docs(docs)) == "e635756473fe74c08ab80d7ae3fdb834e28d0d3219a46a8873fea77391a4d3e9"


def test_v2_output_unchanged():
    pools = synthetic_v2.NamePools.load(use_names_dataset=False)
    docs = synthetic_v2.generate(60, seed=3, pools=pools)
    assert docs[0].text == V2_FIRST_TEXT
    assert docs[0].spans == V2_FIRST_SPANS
    assert _sha(_docs(docs)) == "af1c7b37041c810c73ba89b9c12bfa406ce652ed2cb1b6cc7f07be33bc507797"
    # train --synthetic-extra: the new genres only, seed + 1
    extra = synthetic_v2.generate(60, seed=4, pools=pools, genres=synthetic_v2.NEW_GENRES)
    assert _sha(_docs(extra)) == "6c6a4e5e8057522d2ddada89e69fda0cfc449f141c06796b56dd5323b2829159"
    chat = synthetic_v2.generate(30, seed=4, pools=pools, genres=("chat",))
    assert _sha(_docs(chat)) == "f5c4370952a092b583f39a340fd6b39be0dfecdf29a0029520772a52d000d366"
