"""[detect] When the NER tags exactly the name a context rule found, Presidio keeps only the higher-scored of the two
equal spans. If the NER answer is then rejected by its own, stricter checks, the rule's finding must still be judged
on its own: the NER agreeing with a rule must never lose the rule's name. (A better or bigger configured NER model,
such as en_core_web_lg, tags more such names than the shipped one.)"""
from __future__ import annotations

from types import SimpleNamespace

from presidio_analyzer import RecognizerResult

from recognizers.analyzer import _restore_context_names
from recognizers.person_context import PersonContextRecognizer


def _result(s: int, e: int, rec: str, score: float) -> RecognizerResult:
    return RecognizerResult("PERSON", s, e, score,
                            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: rec})


def _restore(text: str, name: str, pc_score: float = 0.6):
    s = text.index(name)
    e = s + len(name)
    pc = PersonContextRecognizer()
    rule = _result(s, e, "PersonContextRecognizer", pc_score)
    pc.last = (text, [rule])
    core = SimpleNamespace(engine=SimpleNamespace(registry=SimpleNamespace(recognizers=[pc])))
    ner = _result(s, e, "SpacyRecognizer", 0.85)  # Presidio dropped the rule's equal, lower-scored span
    out = _restore_context_names(core, text, [ner])
    return [(r.start, r.end) for r in out
            if r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY] == "PersonContextRecognizer"], (s, e)


def test_a_name_the_ner_span_equals_is_put_back():
    got, span = _restore("14/03 D.Whitlow-Agyei called re arrears.\n", "D.Whitlow-Agyei")
    assert got == [span]


def test_a_form_label_the_ner_span_equals_is_not():
    got, _ = _restore("Mob: 07700 900123\nTel\n", "Tel")
    assert got == []


def test_a_name_inside_a_longer_ner_span_still_needs_its_own_evidence():
    text = "Delivered by Whitlow Haulage Ltd on Monday.\n"
    s = text.index("Whitlow")
    pc = PersonContextRecognizer()
    pc.last = (text, [_result(s, s + 7, "PersonContextRecognizer", 0.6)])
    core = SimpleNamespace(engine=SimpleNamespace(registry=SimpleNamespace(recognizers=[pc])))
    ner = _result(s, text.index(" Ltd"), "SpacyRecognizer", 0.85)  # "Whitlow Haulage": a firm the checks reject
    out = _restore_context_names(core, text, [ner])
    assert len(out) == 1
