"""build_analyzer(case): sarpack's recognizers + the NER model, wrapped for one case.

The heavy parts (spaCy pipeline, Presidio engine, compiled patterns, gazetteer,
deployment allow/deny lists) are built once per process and shared; a case adds
only its party matcher and its own list terms, so ``build_analyzer`` for a new case
costs milliseconds.

Model choice: ``DetectSettings.spacy_model``, else env ``SARPACK_SPACY_MODEL``, else
the shipped ``recognizers/model/sarpack_ner``. A name must be an installed pipeline
package or an existing folder; sarpack never downloads a model.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import spacy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, ORTH
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from presidio_analyzer.predefined_recognizers import CreditCardRecognizer, IbanRecognizer, SpacyRecognizer

from pipeline.codes import EntityType, PartyKind, ReasonCode
from pipeline.models import CaseRecord, Finding
from recognizers.address import AddressRecognizer
from recognizers.bank_details import BankDetailsRecognizer
from recognizers.case_reference import CaseReferenceRecognizer
from recognizers.context import WindowContextEnhancer
from recognizers.date_of_birth import DateOfBirthRecognizer
from recognizers.driving_licence import UkDrivingLicenceRecognizer
from recognizers.email_address import EmailAddressRecognizer
from recognizers.gazetteer import is_first_name, is_name_like, is_surname, zipf
from recognizers.lists import DEFAULT_ALLOW, DEFAULT_DENY, TermList, compile_terms, load_list
from recognizers.nhs_number import NhsNumberRecognizer
from recognizers.attribution import (POSSESSIVE_ID_AFTER, DocParties, Mention, addressee_block_owner, block_start, document_parties, label_bindings, label_mentions,
                                     label_speakers, mention, owner_of,
                                     form_row_owner, holder_by_document, home_address_holder, own_address_owner, postcode_continues, previous_address_of,
                                     stated_owner)
from recognizers.date_of_birth import parse_date
from pipeline.case_settle import CASE_TYPES, EMPTY as EMPTY_SETTLED, Settled, keys as settle_keys
from recognizers.organisations import org_name_spans
from recognizers.parties import PAYING, RECEIVING, SINGLE, PartyMatcher, PartySpan, _name_part_regex, party_role
from recognizers.passport import UkPassportRecognizer
from recognizers.person_context import LAYOUT_KEY, PersonContextRecognizer
from recognizers.personal_reference import PersonalReferenceRecognizer
from recognizers.refine import (ORG_NAME, _firm_pair, _trim_kinship, is_org_mailbox, is_person_mailbox, lower_given_surname,
                               ner_person_is_word, person_over_ner_org,
                               refine_findings)
from recognizers.uk_nino import UkNinoRecognizer
from recognizers.uk_phone import CuedPhoneRecognizer, UkPhoneRecognizer
from recognizers.uk_postcode import UkPostcodeRecognizer
from recognizers.vehicle_reg import UkVehicleRegRecognizer


SHIPPED_MODEL = Path(__file__).parent / "model" / "sarpack_ner"
MODEL_ENV = "SARPACK_SPACY_MODEL"
ALLOW_ENV = "SARPACK_ALLOW_LIST"
DENY_ENV = "SARPACK_DENY_LIST"


class ModelNotFoundError(RuntimeError):
    """The configured spaCy model is neither an installed package nor a folder."""


@dataclass(frozen=True)
class DetectSettings:
    spacy_model: str | None = None          # installed pipeline name or folder; None: env or shipped model
    threshold: float = 0.4                  # results scoring below this are pattern noise, not findings
    review_below: float = 0.7               # findings scoring below this are flagged needs_review
    case_ref_patterns: tuple[str, ...] | None = None  # regexes; None: CMS-YYYY-NNNNNN and 12-digit legacy
    allow_list_path: str | None = None      # None: env SARPACK_ALLOW_LIST or recognizers/data/allow_list.txt
    deny_list_path: str | None = None       # None: env SARPACK_DENY_LIST or recognizers/data/deny_list.txt
    batch_size: int = 64
    use_gazetteer: bool = True


# ---------------------------------------------------------------------- NLP engine
_NER_MAPPING = {
    "PERSON": "PERSON", "PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION", "GPE": "LOCATION",
}


class SarpackNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine around an already-loaded pipeline: ``load()`` never downloads."""

    def __init__(self, nlp: spacy.language.Language):
        super().__init__(
            models=[{"lang_code": "en", "model_name": "<preloaded>"}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping=_NER_MAPPING,
                labels_to_ignore=[],
                default_score=0.85,
            ),
        )
        self.nlp = {"en": nlp}

    def load(self) -> None:  # the pipeline is given; nothing to load or download
        pass

    def artifacts(self, doc):
        # PERSON only reaches the recognizers; ORG/LOC are read off the doc directly.
        ents = [e for e in doc.ents if e.label_ in ("PERSON", "PER")]
        return _Artifacts(
            entities=[_relabel(e) for e in ents],
            tokens=doc,
            tokens_indices=doc.to_array(IDX).tolist() if len(doc) else [],  # == [t.idx for t in doc]
            lemmas=_Lemmas(doc),
            nlp_engine=self,
            language="en",
            scores=[self.ner_model_configuration.default_score] * len(ents),
        )

    def is_stopword(self, word: str, language: str) -> bool:
        return False

    def is_punct(self, word: str, language: str) -> bool:
        return False


class _Lemmas(Sequence):
    """``[t.lemma_ for t in doc]``, read only where asked (the context window): making a
    Token object per token of every page cost more than the recognizers."""

    def __init__(self, doc):
        self._doc = doc

    def __len__(self) -> int:
        return len(self._doc)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [t.lemma_ for t in self._doc[i]]
        return self._doc[i].lemma_


class _Artifacts(NlpArtifacts):
    """Presidio's artifacts with ``keywords`` (every lemma's, for Presidio's own lemma context
    enhancer, which sarpack replaces by WindowContextEnhancer) worked out only if read."""

    @staticmethod
    def set_keywords(nlp_engine, lemmas, language):
        return _LAZY

    @property
    def keywords(self):
        if self._keywords is _LAZY:
            self._keywords = NlpArtifacts.set_keywords(self.nlp_engine, list(self.lemmas), "en")
        return self._keywords

    @keywords.setter
    def keywords(self, value):
        self._keywords = value

    def window_table(self):
        """The page's tokens' (is_space, is_punct, orth, lemma) as lists, and the string store to read
        orth and lemma with: ``context.window_tokens`` reads these instead of a Token per token.
        Worked out once per page, when first asked."""
        tab = self.__dict__.get("_window_table")
        if tab is None:
            doc = self.tokens
            if len(doc):
                cols = doc.to_array([IS_SPACE, IS_PUNCT, ORTH, LEMMA]).T.tolist()
            else:
                cols = [[], [], [], []]
            tab = self._window_table = (*cols, doc.vocab.strings)
        return tab


_LAZY = object()


def _relabel(span):
    span.label_ = "PERSON"
    return span


def resolve_model_name(setting: str | None) -> str:
    return setting or os.environ.get(MODEL_ENV) or str(SHIPPED_MODEL)


_nlp_lock = threading.Lock()


@functools.lru_cache(maxsize=4)
def load_spacy(name: str) -> spacy.language.Language:
    """Load a spaCy pipeline by installed package name or folder, never downloading."""
    path = Path(name)
    if path.exists():
        nlp = spacy.load(path, exclude=["parser", "senter"])
    elif spacy.util.is_package(name):
        nlp = spacy.load(name, exclude=["parser", "senter"])
    else:
        # Includes a missing shipped model: detection never silently runs without NER.
        raise ModelNotFoundError(
            f"spaCy model '{name}' is not an installed pipeline nor an existing folder. "
            f"Install it (e.g. pip install the model wheel) or set {MODEL_ENV} to a model folder; "
            "sarpack never downloads models."
        )
    return nlp


class _Registry(RecognizerRegistry):
    """Presidio's registry, giving the recognizers in the order they were registered. Presidio gathers
    them in a set of objects, so their order followed the objects' addresses, which differ from run to
    run; and the order decides which of two equal results (the same span, type and score from two
    recognizers, e.g. the NER model's and the context recognizer's) is kept, so the same document could
    give findings from a different recognizer, checked differently, in another run."""

    def get_recognizers(self, *args, **kwargs):
        got = super().get_recognizers(*args, **kwargs)
        pos = {id(r): i for i, r in enumerate(self.recognizers)}
        return sorted(got, key=lambda r: pos.get(id(r), len(pos)))


class _Engine(AnalyzerEngine):
    """Presidio's engine, with its per-recognizer context step done in one pass over the results.

    Presidio gives each recognizer its own results (two scans of all results per recognizer) for the
    recognizer's own ``enhance_using_context``; none of sarpack's recognizers overrides that (it returns
    the results it is given), so the step only puts the results in recognizer order, which one
    grouping pass does too. A recognizer that does override it gets Presidio's own step."""

    def _enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        if any(type(r).enhance_using_context is not EntityRecognizer.enhance_using_context for r in recognizers):
            return super()._enhance_using_context(text, raw_results, nlp_artifacts, recognizers, context)
        key = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY
        groups: dict[str, list[RecognizerResult]] = {}
        for r in raw_results:
            groups.setdefault(r.recognition_metadata[key], []).append(r)
        results: list[RecognizerResult] = []
        for recognizer in recognizers:
            results.extend(groups.get(recognizer.id, ()))
        return self.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=results, nlp_artifacts=nlp_artifacts, recognizers=recognizers, context=context,
        )


# ---------------------------------------------------------------------- shared core
@dataclass
class _Core:
    nlp: spacy.language.Language
    nlp_engine: SarpackNlpEngine
    engine: AnalyzerEngine
    entities: list[str]
    allow: TermList
    deny: TermList


_core_lock = threading.Lock()
_cores: dict[tuple, _Core] = {}


def _list_path(setting: str | None, env: str, default: Path) -> Path:
    return Path(setting or os.environ.get(env) or default)


_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc mallopt parameters
_allocator_set = False


def _keep_freed_memory() -> bool:
    """Tell glibc's allocator to keep up to 128 MB of freed memory for reuse (and to serve blocks up
    to 32 MB from it) instead of giving it back to the system after every NER batch: the model frees
    and allocates its arrays on every batch, and each page given back was faulted in again on the
    next one (390,000 page faults, 0.55 s of system time per 300 bench pages: 14 % of the NER's CPU;
    the same peak RSS). Where an array lives changes no result (tests/test_perf_paths.py). Once per
    process; nothing on a C library without ``mallopt``."""
    global _allocator_set
    if _allocator_set:
        return True
    try:
        import ctypes

        mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
        if mallopt is None:
            return False
        ok = bool(mallopt(_M_MMAP_THRESHOLD, 32 * 1024 * 1024)) and bool(mallopt(_M_TRIM_THRESHOLD, 128 * 1024 * 1024))
        _allocator_set = ok
        return ok
    except Exception:  # noqa: BLE001 - not glibc: the allocator's defaults
        return False


def _get_core(settings: DetectSettings) -> _Core:
    model = resolve_model_name(settings.spacy_model)
    allow_p = _list_path(settings.allow_list_path, ALLOW_ENV, DEFAULT_ALLOW)
    deny_p = _list_path(settings.deny_list_path, DENY_ENV, DEFAULT_DENY)
    key = (model, settings.case_ref_patterns, str(allow_p), str(deny_p), settings.use_gazetteer)
    with _core_lock:
        core = _cores.get(key)
        if core is not None:
            return core
        nlp = load_spacy(model)
        _keep_freed_memory()
        nlp_engine = SarpackNlpEngine(nlp)
        recognizers = [
            UkNinoRecognizer(),
            CaseReferenceRecognizer(settings.case_ref_patterns),
            UkPostcodeRecognizer(),
            AddressRecognizer(),
            UkPhoneRecognizer(),
            CuedPhoneRecognizer(),
            EmailAddressRecognizer(),
            DateOfBirthRecognizer(),
            BankDetailsRecognizer(),
            UkVehicleRegRecognizer(),
            UkDrivingLicenceRecognizer(),
            UkPassportRecognizer(),
            NhsNumberRecognizer(),
            PersonalReferenceRecognizer(),
            IbanRecognizer(),
            CreditCardRecognizer(),
            SpacyRecognizer(supported_entities=["PERSON"]),
        ]
        if settings.use_gazetteer:
            recognizers.append(PersonContextRecognizer())
        registry = _Registry(recognizers=recognizers, supported_languages=["en"])
        engine = _Engine(
            registry=registry,
            nlp_engine=nlp_engine,
            supported_languages=["en"],
            context_aware_enhancer=WindowContextEnhancer(),
        )
        entities = sorted({e for r in recognizers for e in r.supported_entities})
        core = _Core(nlp, nlp_engine, engine, entities, load_list([allow_p]), load_list([deny_p]))
        _cores[key] = core
        return core


# ---------------------------------------------------------------------- per case
_ORG_PHONE_CUE = re.compile(
    r"(?i)(?:helpline|freephone|textphone|text relay|relay uk|switchboard|enquiry line|contact centre|call centre|"
    r"customer services|our number|call us|contact us|jobcentre|hmrc|dwp|office)\b[^\n]{0,30}$"  # (not "Housing Officer")
)
_PERSONISH = {EntityType.PERSON}
# a personal label nearer the number than the organisation's cue: "Switchboard: 0117 ... | Mobile: 07700 ..."
# (round 25T) also with a comma: "he gave the office a new mobile, 07700 ..."
_PERSONAL_PHONE_LABEL = re.compile(r"(?i)\b(?:mobile|mob|m|direct(?:[ \t]+(?:dial|line))?|ddi|personal|home)\b[ \t]*[:.,]?[ \t]*$")


# an instruction to ring a number, in a letter from an organisation: "Pay online or call 0191 ...", "Please call"
_CALL_IMPERATIVE = re.compile(r"(?i)(?:^|[.!?:;][ \t]+|\bor[ \t]+|\bplease[ \t]+)(?:call|ring|phone|telephone)[ \t]+(?:us[ \t]+)?(?:on[ \t]+)?$")


# (round 25T) a number labelled as one person's line beside it in an organisation's block: "T: 0141 ... (direct) |
# 0141 ... (depot)", "Tel: 0161 ... (direct: 0161 ...)", "DD 020 ...": the member of staff's, not the organisation's
_DIRECT_AFTER = re.compile(r"[ \t]*\((?i:direct(?:[ \t]+(?:dial|line))?|ddi|dd|mobile|mob)\)")
_DIRECT_BEFORE = re.compile(r"(?i)(?:\(|\b)(?:direct(?:[ \t]+(?:dial|line))?|ddi)[ \t]*[:.]?[ \t]*$")


def _direct_line(text: str, s: int, e: int) -> bool:
    return _DIRECT_AFTER.match(text, e) is not None or _DIRECT_BEFORE.search(text, max(0, s - 20), s) is not None


def _org_phone_cue(text: str, s: int) -> bool:
    window = text[max(0, s - 60): s]
    if _PERSONAL_PHONE_LABEL.search(window) is not None:
        return False
    return _ORG_PHONE_CUE.search(window) is not None or _CALL_IMPERATIVE.search(window) is not None


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


class CaseAnalyzer:
    """One case's analyzer: ``analyze_many(texts)`` -> one list of Findings per text."""

    def __init__(self, core: _Core, case: CaseRecord, settings: DetectSettings):
        self.core = core
        self.case = case
        self.settings = settings
        self.parties = PartyMatcher(case, ref_patterns=settings.case_ref_patterns)
        self.case_allow = compile_terms(tuple(case.options.allow_list))
        self.case_deny = compile_terms(tuple(case.options.deny_list))
        self._req_numbers: set[str] | None = None
        self._req_address_words = _address_words(case)
        self._gender_rx = None
        self._gender_surnames: dict[str, int] = {}
        self._listed_lower = _listed_given_words(self.parties)
        # what the last analyze_many call settled (normalised values, in memory only: pipeline.case_settle)
        self.last_settled = EMPTY_SETTLED
        self._settled_r: set[str] = set()
        self._settled_o: set[str] = set()
        self._settled_rw: set[str] = set()  # (weakly: the person named nearest on the line)
        self._settled_ow: set[str] = set()

    @property
    def nlp(self):
        return self.core.nlp

    def analyze_many(self, texts: Sequence[str], extra_names: Iterable[str] = ()) -> list[list[Finding]]:
        """Findings per text. The texts are taken as one document: a full name found
        anywhere in them is also redacted where only part of it recurs ("Brian Stott"
        ... "Stott", "B Stott")."""
        extra_re = _extra_names_regex(tuple(extra_names))
        self._settled_r, self._settled_o, self._settled_rw, self._settled_ow = set(), set(), set(), set()
        results: list[tuple[list[Finding], list[tuple[int, int]]]] = []
        # the pages in order, each told what the earlier ones said that settles a shared surname
        # (a woman's title, the "Dear ..." addressee, the From: writer, the parties last named)
        carries: list[dict] = []
        pspans = []
        carry: dict = {}
        for t in texts:
            carries.append({k: (dict(v) if isinstance(v, dict) else v) for k, v in carry.items()})
            pspans.append(self.parties.match(t, carry=carry) if t.strip() else [])
        mentions = [self._party_mentions(t, ps) for t, ps in zip(texts, pspans)]
        bindings = label_bindings(list(texts), mentions)
        if bindings:
            lms = [label_mentions(t, bindings, ms) for t, ms in zip(texts, mentions)]
            need = [bool(lms[i]) and any(p.shared for p in pspans[i]) for i in range(len(texts))]
            if any(need):
                # a surname shared by several parties, settled again with "the appellant" (bound to its
                # party by "Appellant: <name>") counted as a mention of that party; the pages after the
                # first such one again in order, each told what the pages before it said
                first = need.index(True)
                carry = carries[first]
                for i in range(first, len(texts)):
                    t = texts[i]
                    if not t.strip():
                        continue
                    pspans[i] = self.parties.match(t, tuple((m.start, m.pos) for m in lms[i]), carry=carry)
                    mentions[i] = self._party_mentions(t, pspans[i])
                    lms[i] = label_mentions(t, bindings, mentions[i])
            for ms, lm in zip(mentions, lms):
                ms.extend(lm)
        doc_parties = document_parties(list(texts), mentions, [(p.start, p.end, p.party + 1) for p in pspans[0]
                                                               if p.entity_type == EntityType.EMAIL_ADDRESS] if pspans else None)
        if any(":" in t for t in texts):
            spk = tuple({x for t, ps in zip(texts, pspans) for x in label_speakers(
                t, [(p.start, p.end, p.party + 1) for p in ps if p.entity_type != EntityType.PERSON],
                [(p.start, p.end, p.party + 1) for p in ps if p.entity_type == EntityType.PERSON])})
            if spk:
                doc_parties = dataclasses.replace(doc_parties, speakers=spk)
        # the parent roles case.json states (not one inferred for a requester whose role it leaves out: a
        # grandparent asking is neither parent), each held by one party
        stated = [party_role(p) for p in [self.case.requester, *self.case.third_parties]]
        roles = tuple((r, stated.index(r)) for r in (PAYING, RECEIVING) if stated.count(r) == 1)
        if roles:
            doc_parties = dataclasses.replace(doc_parties, roles=roles)
        genders = self._document_genders(texts)
        # (a blank page has no findings: _analyze_doc never reads its doc, so the NER model is not run on it)
        docs = iter(self.core.nlp.pipe([t for t in texts if t.strip()], batch_size=self.settings.batch_size))
        settled_r: list[set[str]] = []
        rs_all: set[str] = set()  # settled as the requester's by a strong cue, and only weakly
        rw_all: set[str] = set()
        for text, ps, ms in zip(texts, pspans, mentions):
            doc = next(docs) if text.strip() else None
            self._settled_r = set()
            self._settled_rw = set()
            results.append(self._analyze_doc(text, doc, extra_re, ps, ms, doc_parties, genders))
            settled_r.append(self._settled_r | self._settled_rw)
            rs_all |= self._settled_r
            rw_all |= self._settled_rw
        names = {
            f.text for fs, _ in results for f in fs
            if f.entity_type == EntityType.PERSON and f.party == PartyKind.UNKNOWN and not f.needs_review
            and len(f.text.split()) >= 2 and "\n" not in f.text
        }
        # a single name found for an unknown person recurs elsewhere in the document, perhaps in another
        # case ("Fadumo" ... "who is fadumo"); only names that are not ordinary words
        names |= {
            f.text for fs, _ in results for f in fs
            if f.entity_type == EntityType.PERSON and f.party == PartyKind.UNKNOWN and not f.needs_review
            and " " not in f.text and len(f.text) > 2 and f.text.isalpha() and zipf(f.text) < 3.0
            and (is_first_name(f.text) or is_surname(f.text))
        }
        lower_parts = {t for n in names if n.islower() and " " in n for t in n.split()}
        prop_re = _extra_names_regex(tuple(names)) if names else None
        out: list[list[Finding]] = []
        for text, (fs, protected) in zip(texts, results):
            if prop_re is not None:
                taken = [(f.start, f.end) for f in fs] + protected
                for m in prop_re.finditer(text):
                    w = m.group(0)
                    if w[:1].islower() and " " not in w and zipf(w) >= 3.0 and not (
                            w in lower_parts and zipf(w) < 4.0 and is_name_like(w)):
                        continue  # "sofa" is a word even when "Sofa ..." was taken for a name
                        # (but "darren" is a name where the writer wrote "darren kerrigan")
                    if " " not in w and w[:1].isupper() and w.lower() in _document_towns(text):
                        continue  # "Keighley": the town of an address in this document, not a person
                    if " " not in w and _firm_pair(text, m.start(), m.end()):
                        continue  # "Sarah Rowbotham" is a person, "for Khan & Rowbotham" her firm
                    if not _overlaps(m.start(), m.end(), taken):
                        fs.append(Finding(m.start(), m.end(), EntityType.PERSON, "NamePropagation", 0.8,
                                          PartyKind.UNKNOWN, ReasonCode.TP, False, m.group(0)))
                # a found name with its possessive written without the apostrophe: "Martys family", "Shaunas van"
                for m in (_possessive_regex(tuple(sorted(names))).finditer(text) if "s " in text else ()):
                    if m.group(0)[:1].isupper() and not _overlaps(m.start(), m.end(), taken):
                        fs.append(Finding(m.start(), m.end(), EntityType.PERSON, "NamePropagation", 0.8,
                                          PartyKind.UNKNOWN, ReasonCode.TP, False, m.group(0)))
                fs = _dedupe(fs)
            out.append(fs)
        # anyone else's: a listed third party's value, and one still redacted on a page that settled the same
        # value as the requester's elsewhere (refine kept it as said to be someone else's: "PP drives X" ...
        # "X: registered keeper Mr Y"), which is a conflict, not the requester's
        for fs, r_page in zip(out, settled_r):
            for f in fs:
                if f.entity_type in CASE_TYPES:
                    v, ks = settle_keys(f.text, f.entity_type)
                    if v is not None and (f.party == PartyKind.THIRD_PARTY or v in r_page):
                        self._settled_o |= ks
        self.last_settled = Settled(frozenset(rs_all), frozenset(self._settled_o), frozenset(rw_all - rs_all),
                                    frozenset(self._settled_ow - self._settled_o))
        return out

    @staticmethod
    def _settle(into: set, et, value: str) -> None:
        if et is not None and et not in CASE_TYPES:
            return
        into |= settle_keys(value, et)[1]

    def analyze(self, text: str, extra_names: Iterable[str] = ()) -> list[Finding]:
        return self.analyze_many([text], extra_names)[0]

    # ------------------------------------------------------------------
    def _party_mentions(self, text: str, pspans: list[PartySpan]) -> list[Mention]:
        """Listed parties named in the text, and parent roles ("PP") whose holder is known."""
        out = [mention(p.start, p.end, p.party + 1, text) for p in pspans if p.entity_type == EntityType.PERSON]
        taken = [(m.start, m.end) for m in out]
        for r in self.parties.role_mentions(text):
            if not _overlaps(r.start, r.end, taken):
                out.append(mention(r.start, r.end, r.party + 1, text))
        if "'s" in text or "’s" in text:
            for a, b, pos in self.parties.possessive_role_mentions(text):
                if not _overlaps(a, b, taken) and POSSESSIVE_ID_AFTER.match(text, b):
                    out.append(mention(a, b, pos, text))  # "the RP's car, ...": the RP's
        return out

    def _document_genders(self, texts: Sequence[str]) -> list[str | None]:
        """The parties' genders, with any unknown one read off the document: "Mr Habte" where only
        that party has the surname "Habte" makes him male for attributing "his" / "her"."""
        genders = getattr(self.parties, "pronoun_genders", self.parties.genders)
        if self._gender_rx is None:
            surnames: dict[str, list[int]] = {}
            for pos, p in enumerate(self.parties.parties):
                toks = [t for t in p.name.split() if len(t) > 1]
                if len(toks) >= 2:
                    surnames.setdefault(toks[-1].lower(), []).append(pos)
            want = {sn: poss[0] for sn, poss in surnames.items() if len(poss) == 1 and genders[poss[0]] is None}
            self._gender_surnames = want
            self._gender_rx = re.compile(
                r"(?i)\b(?P<t>mr|mrs|ms|miss)\.?[ \t]+(?P<s>" + "|".join(re.escape(x) for x in sorted(want)) + r")\b"
            ) if want else False
        if not self._gender_rx:
            return genders
        seen: dict[int, set] = {}
        for t in texts:
            for m in self._gender_rx.finditer(t):
                pos = self._gender_surnames.get(m.group("s").lower())
                if pos is not None:
                    seen.setdefault(pos, set()).add("M" if m.group("t").lower() == "mr" else "F")
        if not seen:
            return genders
        out = list(genders)
        for pos, gs in seen.items():
            if len(gs) == 1:
                out[pos] = gs.pop()
        return out

    def _analyze_doc(self, text: str, doc, extra_re, pspans: list[PartySpan], mentions: list[Mention],
                     doc_parties: DocParties, genders: list[str | None]) -> tuple[list[Finding], list[tuple[int, int]]]:
        if not text.strip():
            return [], []
        core = self.core
        art = core.nlp_engine.artifacts(doc)
        results: list[RecognizerResult] = core.engine.analyze(
            text=text, language="en", nlp_artifacts=art, entities=core.entities,
            score_threshold=self.settings.threshold,
        )
        results = _restore_context_names(core, text, results)
        req = [(p.start, p.end) for p in pspans if p.kind == PartyKind.REQUESTER]
        # a value case.json lists for the requester, said in its own words to be a third party's ("The landline
        # at that address, 0116 496 0412, is now in Mrs X's name", "Mrs X's landline, 0116 ..."): hers, redacted
        moved = []
        for p in pspans:
            if p.kind == PartyKind.REQUESTER and p.entity_type in _ATTRIBUTABLE:
                x = stated_owner(text, p.start, p.end, mentions)
                if x is not None and isinstance(x.pos, int) and x.pos > 0:
                    moved.append(p)
        if moved:
            req = [r for r in req if not any(r == (p.start, p.end) for p in moved)]
            pspans = list(pspans) + [dataclasses.replace(p, kind=PartyKind.THIRD_PARTY) for p in moved]
        allow = core.allow.spans(text) + self.case_allow.spans(text)
        orgs = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("ORG", "ORGANIZATION")]
        org_names = org_name_spans(text)
        places = [(r.start, r.end) for r in results
                  if r.entity_type in (EntityType.ADDRESS.value, EntityType.UK_POSTCODE.value)]
        towns = _document_towns(text)
        findings: list[Finding] = []

        # listed third parties: their names and identifiers
        for p in pspans:
            if p.kind != PartyKind.THIRD_PARTY:
                continue
            if _overlaps(p.start, p.end, allow) and p.entity_type != EntityType.PERSON:
                continue
            findings.append(Finding(p.start, p.end, p.entity_type, p.recognizer, p.score, PartyKind.THIRD_PARTY,
                                    ReasonCode.TP, p.needs_review, text[p.start:p.end]))
        tp_spans = [(f.start, f.end) for f in findings]

        # extra names (e.g. DOCX comment authors): unknown people
        if extra_re is not None:
            for m in extra_re.finditer(text):
                if not _overlaps(m.start(), m.end(), req + tp_spans):
                    findings.append(Finding(m.start(), m.end(), EntityType.PERSON, "ExtraNameRecognizer", 0.9,
                                            PartyKind.UNKNOWN, ReasonCode.TP, False, m.group(0)))

        # unknown people first (they are mentions that attribute identifiers), then the rest
        kept: list[tuple[RecognizerResult, EntityType, str, int, int]] = []
        for r in results:
            try:
                et = EntityType(r.entity_type)
            except ValueError:
                continue
            s, e = r.start, r.end
            rec = (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
            if _overlaps(s, e, req) and not (et == EntityType.ADDRESS and self._other_number(text[s:e])):
                continue
            if _overlaps(s, e, allow) and (et != EntityType.EMAIL_ADDRESS or any(a <= s and e <= b for a, b in allow)):
                continue  # (an allowed domain, "gov.uk", inside a person's mailbox does not make it allowed)
            if et in _PERSONISH:
                s, e = _strip_title(text, s, e)
                if rec in _TRIMMED_RECS:
                    s, e = _trim_word_edges(text, s, e, tp_spans + req)
                if rec == "SpacyRecognizer":
                    s, e = _trim_label_tail(text, s, e)
                    pn = _POSTNOMINAL_TAIL.search(text, s, e)
                    if pn is not None and pn.end() == e and pn.start() > s:
                        e = pn.start()  # "Joan Ashworth RN": letters after a name in mixed case are not the name
                    rm = _ROLE_PREFIX.match(text, s, e)
                    if rm is not None and rm.group("w").lower() in _LEADING_ROLES:
                        s = rm.end()  # "Interpreter Ayaan", "Sister Anne-Sophie Mbuyi": the role is not the name
                pm = _PARTICLE_TAIL.match(text, e)
                if pm is not None and rec in _TRIMMED_RECS:
                    e = pm.end()  # "Fernanda Oliveira da Silva", "Ahmed bin Saleh": the particle and what follows
                if (rec == "SpacyRecognizer" and s < e and text[s:s + 1].islower() and text[s:e] in self._listed_lower
                        and not _overlaps(s, e, tp_spans)):
                    # round 25N: the NER model reads a listed third party's given name or one-word alias in lower case
                    # as a person ("ur always working lee.", "but craig is here"): two signals agree, it is that party
                    findings.append(Finding(s, e, EntityType.PERSON, rec, 0.7, PartyKind.THIRD_PARTY, ReasonCode.TP,
                                            False, text[s:e]))
                    tp_spans.append((s, e))
                    continue
                if s >= e or not _person_ok(text, s, e, rec):
                    continue
                if rec in ("SpacyRecognizer", "PersonContextRecognizer") and not _overlaps(s, e, tp_spans) and _in_requester_address(
                        text, s, e, self._req_address_words):
                    continue  # "12 The Maltings, Ely", "Ty Gwyn, Heol y Felin": words of the requester's own address
                if rec == "SpacyRecognizer" and _address_part(text, s, e) and not _overlaps(s, e, tp_spans):
                    continue  # "The Depot, Broadway, Treforest, Pontypridd CF37 1BA": a part of an address
                if rec == "SpacyRecognizer" and not _overlaps(s, e, tp_spans) and ner_person_is_word(
                        text, _trim_kinship(text, Finding(s, e, et, rec, r.score, PartyKind.UNKNOWN, ReasonCode.TP,
                                                          False, text[s:e]))):
                    continue  # dropped now, so that it does not swallow a better name inside it ("Mr Nowak Toolkit")
                if _overlaps(s, e, org_names) and not _overlaps(s, e, tp_spans) and not _org_on_next_line(text, s, e, org_names):
                    continue  # a company or body's name ("Harbour Fresh Foods Ltd") is not a person
                if rec != "SpacyRecognizer" and _overlaps(s, e, orgs) and not text[s:e].isupper() and not (
                        r.score >= 0.75 and " " not in text[s:e] and (s, e) in orgs and is_name_like(text[s:e])) and not (
                        person_over_ner_org(text, s, e)) and not _recurring_speaker(text, s, e) and not (
                        _org_inside_name(text, s, e, orgs)) and not _layout_name(r):
                    continue  # (the NER model's ORG on a line in capitals is no evidence: "TO: ADEBAYO O REF ...";
                    # nor its ORG on a lone known name that a strong cue marks as a person: "Shaz (tenant's friend)")
                if not _overlaps(s, e, tp_spans) and _overlaps(s, e, places):
                    continue  # a town in an address ("Road, Keighley BD21")
                if rec in ("SpacyRecognizer", "PersonContextRecognizer") and towns and not _overlaps(
                        s, e, tp_spans) and _town_not_person(text, s, e, towns):
                    continue  # "Keighley" alone on an address block's line, "Leeds Mindwell": the document's town
                if not _overlaps(s, e, tp_spans) and _STREET_AFTER.match(text, e):
                    continue  # a street named after a person ("Bryn Road", "Victoria Street")
            if et == EntityType.DATE_OF_BIRTH and not self._dob_plausible(text, s, e, r.score):
                continue
            kept.append((r, et, rec, s, e))
        for i, (r, et, rec, s, e) in enumerate(kept):
            if et == EntityType.PERSON and " " not in text[s:e]:
                sm = _SURNAME_FIRST.search(text, max(0, s - 40), s)
                if sm is not None and _surname_first_ok(sm.group("sur")) and not _overlaps(sm.start("sur"), s, tp_spans + req):
                    kept[i] = (r, et, rec, sm.start("sur"), e)  # "NOWAK, Agnieszka": the surname written first
        person_spans = [(s, e) for r, et, rec, s, e in kept if et == EntityType.PERSON]
        anchors = person_spans + [(p.start, p.end) for p in pspans if p.entity_type == EntityType.PERSON]
        locs = [(x.start_char, x.end_char) for x in doc.ents if x.label_ in ("LOC", "GPE")]
        for s, e in _list_names(text, anchors, places + org_names + _not_lone_first_names(text, orgs) + locs):
            kept.append((RecognizerResult(EntityType.PERSON.value, s, e, 0.6), EntityType.PERSON, "NameListRecognizer", s, e))
        taken = [(m.start, m.end) for m in mentions]
        for r, et, rec, s, e in kept:
            if et == EntityType.PERSON and not _overlaps(s, e, taken + tp_spans) and not ner_person_is_word(
                    text, Finding(s, e, et, rec, r.score, PartyKind.UNKNOWN, ReasonCode.TP, False, text[s:e])):
                mentions.append(mention(s, e, None, text))  # (a car, "Skoda Octavia", names nobody)
        # longest first, so that a value inside the requester's own value (a number inside his IBAN) goes too
        kept.sort(key=lambda k: -(k[4] - k[3]))
        # the requester's addresses, listed or settled here (their postcodes follow; a previous one may follow)
        req_addresses = [(p.start, p.end) for p in pspans if p.kind == PartyKind.REQUESTER and p.entity_type == EntityType.ADDRESS]
        for r, et, rec, s, e in kept:
            value = text[s:e]
            if _overlaps(s, e, req) and not (et == EntityType.ADDRESS and self._other_number(text[s:e])):
                continue
            if et == EntityType.EMAIL_ADDRESS and is_org_mailbox(value):
                continue
            if et == EntityType.PHONE_NUMBER and _org_phone_cue(text, s):
                continue
            if _overlaps(s, e, tp_spans):
                # the third party's own data, already found by the party matcher; keep the wider span
                party, review = PartyKind.THIRD_PARTY, False
            elif et in _ORG_BLOCK_TYPES and _in_org_block(text, s) and not self._person_in_block(text, s, mentions) and not (
                    et == EntityType.EMAIL_ADDRESS and is_person_mailbox(value)) and not (
                    et == EntityType.PHONE_NUMBER and _direct_line(text, s, e)):
                continue  # an organisation's letterhead: its address, phone, email
            else:
                party, review = PartyKind.UNKNOWN, r.score < self.settings.review_below or et == EntityType.CASE_REFERENCE
                if (et in (EntityType.ADDRESS, EntityType.UK_POSTCODE) and form_row_owner(text, s, mentions) == 0) or (
                        et == EntityType.ADDRESS and (own_address_owner(
                        text, s, e, mentions, doc_parties, genders) == 0)) or (
                        et == EntityType.UK_POSTCODE and postcode_continues(text, s, req_addresses)) or (
                        et in (EntityType.ADDRESS, EntityType.UK_POSTCODE) and addressee_block_owner(
                            text, s, mentions, doc_parties) == 0) or (
                        et == EntityType.ADDRESS and previous_address_of(text, s, req_addresses, mentions)) or (
                        et == EntityType.ADDRESS and home_address_holder(text, s, e, mentions, doc_parties) == 0):
                    req.append((s, e))
                    if et == EntityType.ADDRESS:
                        req_addresses.append((s, e))
                    self._settle(self._settled_r, et, value)
                    continue  # the requester's row in a record's block for him ("Tenant(s): / Name: X / Previous address: ...")
                if et in (EntityType.ADDRESS, EntityType.UK_POSTCODE) and not review and owner_of(
                        text, s, mentions, doc_parties, genders, e) == "none":
                    review = True  # an address nothing says whose it is: the reviewer checks it is not the requester's
                if et in _ATTRIBUTABLE:
                    owner = self._licence_owner(value) if et == EntityType.UK_DRIVING_LICENCE else "none"
                    why: list[str] = []
                    if owner == "none":
                        owner = owner_of(text, s, mentions, doc_parties, genders, e, why)
                    if owner == "none":
                        owner = holder_by_document(text, s, mentions, doc_parties, rec == "PersonalReferenceRecognizer", e,
                                                   card=et == EntityType.CREDIT_CARD, identity=et == EntityType.UK_PASSPORT)
                    if owner == 0:
                        req.append((s, e))
                        self._settle(self._settled_rw if why else self._settled_r, et, value)
                        continue  # stated for the requester ("my account ..." in his own letter)
                    if isinstance(owner, int):
                        party = PartyKind.THIRD_PARTY
                    elif owner is None:
                        # said to be an unknown person's (only weakly when that person is merely named nearest)
                        self._settle(self._settled_ow if why else self._settled_o, et, value)
                    else:
                        # nothing in the document says whose it is: redacted (a leak cannot be taken
                        # back), and flagged so that the reviewer checks it is not the requester's own
                        review = True
            findings.append(Finding(s, e, et, rec or "recognizer", round(float(r.score), 3), party, ReasonCode.TP,
                                    review, value))

        # deny-lists: always redacted
        for a, b in core.deny.spans(text) + self.case_deny.spans(text):
            findings.append(Finding(a, b, EntityType.DENY_LIST, "DenyListRecognizer", 1.0, PartyKind.UNKNOWN,
                                    ReasonCode.TP, False, text[a:b]))
        req_values: set[str] = set()
        findings = refine_findings(text, _dedupe(findings), mentions=mentions, doc_parties=doc_parties,
                                   genders=genders, requester_spans=req, ner_orgs=orgs, allow=allow,
                                   requester_values_out=req_values)
        for v in req_values:
            self._settle(self._settled_r, None, v)
        return findings, req + allow + org_names

    def _licence_owner(self, value: str) -> int | str:
        """The party a DVLA licence number encodes: its first five characters are the surname (padded
        with 9s), then the date of birth (decade, month + 50 for a woman, day, year) and the initials.
        One party whose surname and first initial fit, and, when case.json gives a date of birth, whose
        date fits (always required for the requester); ``"none"`` otherwise."""
        v = re.sub(r"[^A-Z0-9]", "", value.upper())
        if len(v) < 13:
            return "none"
        sur5, digits, first = v[:5], v[5:11], v[11]
        hits = []
        for pos, p in enumerate([self.case.requester, *self.case.third_parties]):
            names = [re.findall(r"[A-Za-z]+", n) for n in (p.name, *p.aliases)]
            if not any(len(t) >= 2 and (t[-1].upper() + "99999")[:5] == sur5 and t[0][0].upper() == first for t in names):
                continue
            dob = re.fullmatch(r"\d{2}(\d)(\d)-(\d{2})-(\d{2})", (p.date_of_birth or "").strip())
            if dob is None:
                if pos == 0:
                    return "none"  # the requester's only with the date to prove it
            elif not (digits[0] == dob.group(1) and digits[5] == dob.group(2) and digits[3:5] == dob.group(4)
                      and digits[1:3] in (dob.group(3), f"{int(dob.group(3)) + 50:02d}")):
                continue
            hits.append(pos)
        return hits[0] if len(hits) == 1 else "none"

    def _other_number(self, value: str) -> bool:
        """Has an address a house/flat number that is in none of the requester's listed addresses?
        "Flat 11, Rowan House" where he lives at "Flat 9, Rowan House" is a neighbour's. (A postcode's
        district, the 11 of "CF11 7JA", is no house number, on either side.)"""
        nums = self._req_numbers
        if nums is None:
            nums = self._req_numbers = {n for a in self.case.requester.addresses for n in _NUMBER.findall(_POSTCODE_TAIL.sub("", a))}
        return bool(nums) and any(n not in nums for n in _NUMBER.findall(_POSTCODE_TAIL.sub("", value)))

    def _dob_plausible(self, text: str, s: int, e: int, score: float) -> bool:
        """A date with no birth cue (only "Name (date)") is a date of birth only if it is an
        adult's: letter, payment and hearing dates near the case are not."""
        if score >= 0.6:
            return True
        d = parse_date(text[s:e])
        return d is not None and d[0] <= self.case.received.year - ADULT_YEARS

    @staticmethod
    def _person_in_block(text: str, s: int, mentions: list[Mention]) -> bool:
        """Is someone other than the requester named before ``s`` in its block of lines? Then the
        contact details are that person's ("Gareth Pryce / Payroll Officer, X Ltd / Tel ...")."""
        start = block_start(text, s, 4)
        return any(start <= m.start and m.end <= s and m.pos != 0 for m in mentions)


# a document's towns: the word(s) just before a postcode, after a comma or alone on the line above it ("Cavendish
# Street, Keighley BD21 3RL", "LEEDS\nLS12 4QN"); the same word found alone elsewhere as a person is the town
_TOWN_BEFORE_POSTCODE = re.compile(
    r"(?m)(?:^|,)[ \t]*(?P<t>[A-Z][A-Za-z'’\-]+(?:[ \t][A-Z][A-Za-z'’\-]+)?)[ \t]*,?[ \t]*(?:\n[ \t]*)?"
    r"[A-Z]{1,2}\d[A-Z\d]?[ \u00a0]?\d[A-Z]{2}\b"
)


def _document_towns(text: str) -> frozenset[str]:
    out = set()
    for m in _TOWN_BEFORE_POSTCODE.finditer(text):
        t = m.group("t").lower()
        out.add(t)
        out.add(t.split()[-1])
    return frozenset(out)


def _town_not_person(text: str, s: int, e: int, towns: frozenset[str]) -> bool:
    """A weak person finding that is one of the document's towns ("Keighley" on an address block's line, "Leeds
    Mindwell", a service named for its town), not after a title."""
    toks = text[s:e].split()
    if not toks or toks[0].lower() not in towns or _TITLE_BEFORE.search(text, max(0, s - 6), s):
        return False
    return len(toks) == 1 or (len(toks) == 2 and not is_name_like(toks[1]))


_TITLE_BEFORE = re.compile(r"(?i)\b(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]+$")


def _layout_name(r: RecognizerResult) -> bool:
    """A name the context recognizer found by where a case system's layout puts a person (a log's author
    column, a table's name column, an initial run onto a surname): the NER model's ORG is no evidence against it."""
    return bool((r.recognition_metadata or {}).get(LAYOUT_KEY))


def _org_inside_name(text: str, s: int, e: int, orgs) -> bool:
    """The NER model's ORG on a part only of a first name and surname found by context ("Harriet [Lomax]
    called"): the model's slip on a surname, not an organisation (which would take the whole span or more)."""
    inner = [(a, b) for a, b in orgs if a < e and s < b]
    if not inner or any(a < s or b > e or (a, b) == (s, e) for a, b in inner):
        return False
    toks = text[s:e].split()
    if not 2 <= len(toks) <= 3 or ORG_NAME.search(text, s, min(len(text), e + 12)):
        return False
    f, l = toks[0], toks[-1]
    return (is_first_name(f) and zipf(f) < 4.5 and f[1:].islower() and l[1:].islower()
            and (is_surname(l) or zipf(l) < 3.0) and zipf(l) < 4.5)


ADULT_YEARS = 16
# (not Park, Hill, Green, Lane, Way...: surnames too, "Jae Park")
_STREET_AFTER = re.compile(r"[ \t]+(?:Street|St|Road|Rd|Avenue|Ave|Close|Drive|Crescent|Grove|Gardens|Terrace|"
                           r"Place|Square|Mews|Rise|Parade)\b(?![ \t]+[A-Z][a-z])")
# a house or flat number ("12", "12b", "B12"), not a figure inside a word, a scan's "M0SS LANE" (round 23T; a figure
# with letters on both sides only: "Flat B12" is still flat 12, another flat than her "Flat B11")
_NUMBER = re.compile(r"(?<![A-Za-z])\d+|(?<=[A-Za-z])\d+(?![A-Za-z])")
_POSTCODE_TAIL = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\s*$")
_ORG_BLOCK_TYPES = {EntityType.ADDRESS, EntityType.UK_POSTCODE, EntityType.PHONE_NUMBER, EntityType.EMAIL_ADDRESS}
_ATTRIBUTABLE = {
    EntityType.BANK_DETAILS, EntityType.IBAN_CODE, EntityType.CREDIT_CARD, EntityType.PHONE_NUMBER,
    EntityType.EMAIL_ADDRESS, EntityType.UK_NINO, EntityType.DATE_OF_BIRTH, EntityType.UK_VEHICLE_REG,
    EntityType.UK_DRIVING_LICENCE, EntityType.UK_PASSPORT, EntityType.UK_NHS, EntityType.CASE_REFERENCE,
}
_ORG_LINE = re.compile(
    r"\b(?:LTD|Ltd|Limited|PLC|plc|LLP|Surgery|Medical Practice|Medical Centre|Health Centre|Council|School|Academy|"
    r"College|University|NHS Trust|Solicitors|Group|Partnership|Association|Housing|Engineering|Hospital|Clinic|"
    r"Pharmacy|Agency|Department|Nursery|Pre-?school|Playgroup|Childcare|Homes|Insurance|Assurance|Insurers)\b"
)


# a context name with a strong cue (a title, a role before it, "name after a context phrase"): kept for its own
# checks even inside a capitalised NER span that is rejected ("Manager Bethlehem Woldu": the model's span fails
# as a place, "Woldu" after "Manager" is a person)
_RESTORE_SCORE = 0.75
_CAPS_WORD = re.compile(r"(?:[A-Z]\.?[ \t]+)?[A-Z][A-Z'’\-]{2,}")  # (with an initial: "T. NJOROGE")
_ABBR_BEFORE = re.compile(r"[A-Z]{1,4}[ \t]+")  # "TL RAFIQ": a role abbreviation the NER span took in
_INITIAL_NAME = re.compile(r"[A-Z]\.?[ \u00a0]+[A-Z][^\W\d_]+(?:[\-'’][^\W\d_]+)*")


def _restore_context_names(core: _Core, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    """Lower-case context-recognizer names that Presidio dropped as duplicates inside an NER PERSON
    span ("achterberg" after "miss", also the NER's "achterberg"): put back, so that they are judged on their own
    when the NER span is rejected; the final dedupe keeps only one of the two."""
    pc = next((r for r in core.engine.registry.recognizers if isinstance(r, PersonContextRecognizer)), None)
    last = getattr(pc, "last", None)
    if last is None or last[0] is not text:
        return results
    ner = [(r.start, r.end) for r in results if r.entity_type == EntityType.PERSON.value
           and (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY) == "SpacyRecognizer"]
    if not ner:
        return results
    # any name the NER span equals exactly (not a form label, "Tel"): the NER agreeing with the context recognizer
    # must not lose its finding (Presidio keeps only the higher-scored of two equal spans, and the NER answer's own
    # checks may reject it; a better configured model, en_core_web_lg, tags more such names: tests/test_ner_agreement.py)
    ner_set = set(ner)
    have = {(r.start, r.end) for r in results if r.entity_type == EntityType.PERSON.value
            and (r.recognition_metadata or {}).get(RecognizerResult.RECOGNIZER_NAME_KEY) == "PersonContextRecognizer"}
    # only names in lower case: the NER span's lower-case checks are stricter than the context
    # recognizer's own; a capitalised NER span rejected as a place, a company or a car ("Fenland
    # Staffing", "Lloyd House", "Skoda Octavia") is evidence against the names inside it
    # also a name the NER span equals ("LANG", which the NER answer's checks reject as an abbreviation) or runs
    # on from only across a line break ("K. Mahmood\nRevenues Officer")
    extra = [r for r in last[1] if (r.start, r.end) not in have and any(a <= r.start and r.end <= b for a, b in ner)
             and (((r.start, r.end) in ner_set and text[r.start:r.end].lower() not in _LABEL_WORDS)
                  or text[r.start:r.start + 1].islower() or r.score >= _RESTORE_SCORE or any(
                 (a == r.start or (b == r.end and _ABBR_BEFORE.fullmatch(text, a, r.start))) and ((
                     b == r.end and _CAPS_WORD.fullmatch(text, r.start, r.end)) or (
                     text[r.end:b].startswith("\n") and (r.score >= 0.7 or _INITIAL_NAME.fullmatch(text, r.start, r.end))))
                 for a, b in ner))]
    return results + extra if extra else results


def _org_on_next_line(text: str, s: int, e: int, org_names: Sequence[tuple[int, int]]) -> bool:
    """Is every organisation name the person span overlaps one that only runs on from its line into the next,
    where the organisation's own name is? ("D. Mahlangu\nUniversal Credit Service Centre": a signature above
    the body's name; the name line is the person's.)"""
    nl = text.find("\n", e)
    for a, b in org_names:
        if a < e and s < b and not (nl >= 0 and b > nl and "\n" not in text[s:e] and a >= text.rfind("\n", 0, s) + 1
                                    and not text[e:nl].strip()):
            return False
    return True


def _in_org_block(text: str, s: int, max_lines: int = 4) -> bool:
    """Is position ``s`` in a block of lines (no blank line between) headed by an organisation's name?"""
    return _ORG_LINE.search(text, block_start(text, s, max_lines), s) is not None


@functools.lru_cache(maxsize=128)
def _possessive_regex(names: tuple[str, ...]):
    """Each found name's single words rare as English words ("Marty", not "Will"), followed by a possessive "s"
    without its apostrophe and a thing or person it owns."""
    from recognizers.person_context import CHAT_NAME_POSS_RE

    words = {t for n in names for t in n.split() if len(t) >= 3 and t.isalpha() and t[:1].isupper() and zipf(t) < 4.0
             and is_name_like(t)}
    if not words:
        return re.compile(r"(?!)")
    owned = CHAT_NAME_POSS_RE.pattern.split(r"(?:['’]s|s)", 1)[1]  # "[ \t]+(?:new[ \t]+|old[ \t]+)?(?:mum|...)\b"
    return re.compile(r"(?<![\w'’\-])(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?=s"
                      + owned + ")")


def _extra_names_regex(names: tuple[str, ...]):
    return _extra_cache(tuple(sorted({n.strip() for n in names if n and n.strip()})))


@functools.lru_cache(maxsize=128)
def _extra_cache(names: tuple[str, ...]):
    alts: set[str] = set()
    for n in names:
        toks = [t for t in re.split(r"\s+", n) if t]
        if not toks:
            continue
        alts.add(r"[\s\u00a0]+".join(_name_part_regex(t) for t in toks))
        for t in toks:
            if len(t) >= 3 and (t[0].isupper() and zipf(t) < 4.5 or n.islower() and zipf(t) < 4.0 and is_name_like(t)) \
                    and t.lower() not in _NOT_NAME_PARTS:
                alts.add(_name_part_regex(t))  # ("Sheriff Kinnear": "Sheriff" alone is not propagated)
    if not alts:
        return None
    body = "|".join(sorted(alts, key=len, reverse=True))
    return re.compile(r"(?i)(?<![\w'’\-])(?:" + body + r")(?![\w\-]|['’](?!s\b)\w)")


from recognizers.refine import KINSHIP_WORDS as _KIN, ROLE_WORDS as _ROLES  # noqa: E402

_NOT_NAME_PARTS = frozenset(_ROLES | _KIN)
# a role, job or family word the NER model took in at the start of a name: "Interpreter Ayaan", "Nurse Joy Tanaka",
# "Sister Anne-Sophie Mbuyi"; taken off when a capitalised word follows on the same line
_LEADING_ROLES = frozenset(_NOT_NAME_PARTS | {
    "manager", "officer", "nurse", "teacher", "translator", "pastor", "imam", "rabbi", "reverend", "sergeant",
    "constable", "inspector", "detective", "midwife", "doctor", "councillor", "caretaker", "landlord", "landlady",
    "neighbour", "witness", "agent", "receptionist", "director", "deacon", "elder", "chaplain", "matron"})
_POSTNOMINAL_TAIL = re.compile(r"(?<=[a-z])(?:[ \t]+[A-Z]{2,6})+$")
_ROLE_PREFIX = re.compile(r"(?P<w>[A-Z][a-z]+)[ \t]+(?=[A-Z])")

_SURNAME_FIRST = re.compile(r"(?:^|(?<=[\n:;(\[|\t]))[ \t]*(?P<sur>[A-Z][A-Z'’\-]+(?:[ \t][A-Z][A-Z'’\-]+)?),[ \t]*$")


def _surname_first_ok(sur: str) -> bool:
    from recognizers.person_context import STOP

    return all(len(t) > 1 and t.lower() not in STOP and t.lower() not in _LABEL_WORDS
               and (is_name_like(t) or zipf(t) < 3.5) for t in sur.split())


_LIST_WORD = r"[A-ZÀ-ÖØ-Þ\u0100-\u017f][^\W\d_]*(?:[\-'’][^\W\d_]+)*"
_LIST_NAME = _LIST_WORD + r"(?:[ \t]+" + _LIST_WORD + r"){0,3}"
_LIST_NEXT = re.compile(r"(?:,[ \t]*(?:and\b)?|[ \t]+(?:and|&)(?=\s))[ \t]*\n?[ \t]*(?P<name>" + _LIST_NAME + r")(?![\w\-])")
_LIST_PREV = re.compile(r"(?<![\w\-])(?:(?P<name>" + _LIST_NAME + r"),|(?P<one>" + _LIST_WORD + r")[ \t]+(?:and|&))"
                        r"[ \t]*\n?[ \t]*$")  # (before "and": one word, a known first name: "by Gail and Ravinder")


def _list_name_ok(name: str) -> bool:
    from recognizers.person_context import STOP

    toks = name.split()
    if len(toks) < 2 and not (toks and is_first_name(toks[0])):
        return False  # a lone word in a list is a name only if it is a known first name
    return all(t.lower() not in STOP and t.lower() not in _LABEL_WORDS and (is_name_like(t) or zipf(t) < 3.0)
               for t in toks)


_POSTCODE_IN_LINE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b")
_ADDRESS_LABEL_BEFORE = re.compile(r"(?i)\baddress[ \t]*:[ \t]*$")
_PART_AFTER = re.compile(r"[ \t]*,")


def _address_part(text: str, s: int, e: int) -> bool:
    """A span between an address line's commas, on a line with a postcode ("The Depot, Broadway, Treforest,
    Pontypridd CF37 1BA"), or the first part of an "Address:" field's value ("Address: Ty Pennant, Catherine
    Street"): a house, a street, a district or a town, not a person (one at the line's start stays: "Ann Lee,
    4 Mill Lane, ...")."""
    if not _PART_AFTER.match(text, e):
        return False
    ls = text.rfind("\n", 0, s) + 1
    if _ADDRESS_LABEL_BEFORE.search(text, max(ls, s - 30), s):
        return True
    before = text[ls:s].rstrip(" \t")
    if not before.endswith(","):
        return False
    le = text.find("\n", e)
    return _POSTCODE_IN_LINE.search(text, e, len(text) if le < 0 else le) is not None


_ADDR_WORD = re.compile(r"[^\W\d_]{2,}")
# words of an address that say nothing of which address it is
_ADDRESS_FILLER = frozenset({"flat", "apartment", "apt", "unit", "the", "road", "rd", "street", "st", "lane", "avenue", "close",
                             "drive", "way", "house", "court", "place", "and", "of", "on", "upon", "y", "yr"})


def _address_words(case: CaseRecord) -> frozenset[str]:
    """The words of the requester's listed addresses that no listed person's name shares ("maltings", "ely", "gwyn",
    "felin"; not "kingsley" when a party is called Kingsley)."""
    names = {w.casefold() for p in [case.requester, *case.third_parties] for n in (p.name, *p.aliases)
             for w in _ADDR_WORD.findall(n)}
    return frozenset(w.casefold() for a in case.requester.addresses for w in _ADDR_WORD.findall(a)
                     if w.casefold() not in names and w.casefold() not in _ADDRESS_FILLER)


def _in_requester_address(text: str, s: int, e: int, words: frozenset[str]) -> bool:
    """Is the model's "person" at s..e only words of the requester's listed address, with another word of it on
    the same line close by? Then it is a part of her address written in a form the matcher did not take (a town
    after a house name, a Welsh house or street name), and her own address stays."""
    if not words:
        return False
    toks = [w.casefold() for w in _ADDR_WORD.findall(text, s, e)]
    if not toks or any(w not in words for w in toks):
        return False
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    le = len(text) if le < 0 else le
    near = _ADDR_WORD.findall(text, max(ls, s - 40), s) + _ADDR_WORD.findall(text, e, min(le, e + 40))
    return any(w.casefold() in words for w in near)


def _recurring_speaker(text: str, s: int, e: int) -> bool:
    """A chat's speaker label that speaks turn after turn ("Sky: ...", "Grace: ..."), which the model may read as a
    firm: a person in a conversation."""
    from recognizers.person_context import SPEAKER_RE

    if text.count(text[s:e] + ":") < 2:
        return False
    m = SPEAKER_RE.match(text, text.rfind("\n", 0, s) + 1)
    return m is not None and m.span("name") == (s, e)


def _not_lone_first_names(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The model's ORG spans but one on a lone known first name ("by Gail and Ravinder": ORG "Gail")."""
    return [(a, b) for a, b in spans if " " in text[a:b].strip() or not is_first_name(text[a:b].strip())]


def _list_names(text: str, anchors: list[tuple[int, int]], avoid: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names in a list with a name already found: "Abdirizak Farah, Faiza Yusuf and Dawit Tesfamichael";
    each further item must look like a name (known name words or rare words, no ordinary word)."""
    found: list[tuple[int, int]] = []
    todo = list(anchors)
    seen = set(anchors)
    while todo and len(found) < 20:
        a, b = todo.pop()
        cands = []
        m = _LIST_NEXT.match(text, b)
        if m:
            cands.append(m.span("name"))
        m = _LIST_PREV.search(text, max(0, a - 60), a)
        if m and m.group("name"):
            cands.append(m.span("name"))
        elif m and is_first_name(m.group("one")) and zipf(m.group("one")) < 4.5:
            cands.append(m.span("one"))
        for s, e in cands:
            if (s, e) in seen or _overlaps(s, e, anchors + found + avoid) or not _list_name_ok(text[s:e]):
                continue
            seen.add((s, e))
            found.append((s, e))
            todo.append((s, e))
    return found


_PARTICLE_TAIL = re.compile(
    r"[ \u00a0](?:da|de|do|dos|das|di|del|della|van|von|der|den|ter|bin|binti|bint|ibn|al|el|ap|la|le|dela)[ \u00a0]"
    r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:[\-'’][^\W\d_]+)*(?![\w\-])"
)
_TRIMMED_RECS = {"SpacyRecognizer", "PersonContextRecognizer"}
_WORD_TOKEN = re.compile(r"[^\s]+")


def _trim_word_edges(text: str, s: int, e: int, keep: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Drop ordinary words at either edge of a guessed name ("Mensah Toolkit", "Notes Asante"):
    a capitalised common word next to a name is not part of it. Words inside a listed party's
    span, known names and initials stay."""
    span = text[s:e]
    if " " not in span and "\n" not in span:
        return s, e
    toks = [(s + m.start(), s + m.end()) for m in _WORD_TOKEN.finditer(span)]

    def ordinary(a: int, b: int) -> bool:
        w = text[a:b].strip(".,:;()\"'’")
        if len(w) <= 2 or _overlaps(a, b, keep):
            return False
        return not is_name_like(w) and zipf(w) >= 3.0

    dropped: list[tuple[int, int]] = []
    while len(toks) > 1 and ordinary(*toks[-1]):
        dropped.append(toks.pop())
    while len(toks) > 1 and ordinary(*toks[0]):
        dropped.append(toks.pop(0))
    a, b = toks[0][0], toks[-1][1]
    # only where what is left is a listed party's name: an unknown "Centenary House" or
    # "Toyota Yaris" must stay whole for the checks that reject it as a place or a car; or where
    # the words dropped are in lower case and what is left are known names ("siobhan might")
    if (a, b) == (s, e):
        return s, e
    if _overlaps(a, b, keep):
        return a, b
    if all(text[x:y][:1].islower() for x, y in dropped) and all(
            is_name_like(text[x:y].strip(".,:;()\"'’")) for x, y in toks):
        return a, b
    return s, e


_NAME_BREAK = re.compile(r"[ \t]+(?:of|at|from|for|t/a|trading[ \t]+as)[ \t]+|,")


def _trim_label_tail(text: str, s: int, e: int) -> tuple[int, int]:
    """A label word the NER model ran on into ("ADEBAYO O REF", "Joe Bloggs Tel") is not the name, nor
    what follows "of"/"at" ("Nadeem Iqbal of Iqbal & Co")."""
    m = _NAME_BREAK.search(text, s, e)
    if m is not None and m.start() > s:
        e = m.start()
    while True:
        cut = text.rfind(" ", s, e)
        if cut <= s or text[cut + 1:e].strip(".:,").lower() not in _LABEL_WORDS:
            return s, e
        e = cut
        while e > s and text[e - 1] in " \t":
            e -= 1


_TITLE_PREFIX = re.compile(r"(?i)(?:the\s+)?(?:(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lady|lord|master|rev)\.?\s+|"
                           r"(?-i:Pani|Frau|Herr|Señora|Señor|Sra\.|Senhora|Senhor|Signora|Signor|Madame|Monsieur|Mme\.?|"
                           r"Doamna|Domnul)\s+(?=[A-ZÀ-ÞĀ-Ž]))?")  # (and another language's: "Pani Wiśniewska")


def _strip_title(text: str, s: int, e: int) -> tuple[int, int]:
    m = _TITLE_PREFIX.match(text, s, e)
    if m:
        s = m.end()
    while e > s and text[e - 1] in " \t\n.,;:'’":
        e -= 1
    if text[e - 2:e] in ("'s", "’s") and e - 2 > s:
        e -= 2
    return s, e


_TO_LABEL_AFTER = re.compile(r"[ \t]+to[ \t]*:")
_LABEL_WORDS = {
    "tel", "telephone", "mob", "mobile", "fax", "ref", "reference", "memo", "note", "notes", "ni", "nino", "dob",
    "nhs", "email", "e-mail", "re", "subject", "date", "from", "to", "cc", "attn", "encl", "enc", "sent", "name",
    "address", "postcode", "signed", "signature", "dear", "regards",
    # Welsh labels in bilingual letterheads and forms ("Ffôn / Tel", "E-bost / Email")
    "ffôn", "ffon", "e-bost", "ebost", "cyfeiriad", "dyddiad", "enw", "llofnod", "cyf", "rhif",
    "switchboard", "reception", "helpline", "freephone", "textphone",
}


_CODE_VALUE_AFTER = re.compile(r"[ \t]+(?:is|was|=)[ \t]+(?:[A-Za-z]{1,3}\d[\w]*|\d{5,})")
# (a label's colon only after another word on its line: "Vehicle reg: KM68", not a chat's "dave: 07700 ...")
_CODE_LABEL_AFTER = re.compile(r":[ \t]*(?:[A-Za-z]{1,3}\d[\w]*|\d{5,})")
_WORD_BEFORE = re.compile(r"[A-Za-z]{2,}[ \t]+$")
_LETTERED_CODE_AFTER = re.compile(r":[ \t]*[A-Z]{1,3}\d{1,3}[ \t]?[A-Z0-9]")  # "reg: KM68 TVO", "ref: AB12 345"


def _listed_given_words(parties: PartyMatcher) -> frozenset[str]:
    """Round 25N: the listed third parties' given names and one-word aliases, in lower case, that no form of the
    requester's shares and that are no very common English word ("will", "mark")."""
    one_word = {p.aliases[i].strip().lower() for p in parties.parties for i in range(len(p.aliases))
                if len(p.aliases[i].split()) == 1}
    out = set()
    for key, (kind, owners) in parties.forms.items():
        if (kind == SINGLE and 0 not in owners and key.isalpha() and len(key) >= 3
                and (is_first_name(key) or key in one_word) and zipf(key) < 5.0):
            out.add(key)
    return frozenset(out)


def _person_ok(text: str, s: int, e: int, rec: str) -> bool:
    """NER sometimes tags ordinary words; a lower-case common word is not a name."""
    span = text[s:e]
    if not any(c.isalpha() for c in span):
        return False
    if span[:1].islower() and " " not in span and (_CODE_VALUE_AFTER.match(text, e) or _LETTERED_CODE_AFTER.match(
            text, e) or (_CODE_LABEL_AFTER.match(text, e) and _WORD_BEFORE.search(text, max(0, s - 20), s))):
        return False  # "my van reg is ND19 KLV", "ref: ab12cd": a label word before a code or a number
    if span[:1].islower() and zipf(span.split()[0]) >= 3.0 and rec != "PersonContextRecognizer":
        from recognizers.person_context import LOWER_CUE_RE

        m = LOWER_CUE_RE.search(text, max(0, s - 40), e)
        toks = span.split()
        if not (len(toks) >= 2 and is_first_name(toks[0]) and zipf(toks[0]) < 4.3 and is_surname(toks[-1])
                and zipf(toks[-1]) < 3.0) and not lower_given_surname(toks) and (
                # (a first name and a rare surname: "darren kerrigan")
                m is None or m.start("name") != s or not is_first_name(toks[0]) or zipf(toks[0]) >= 4.0):
            return False  # (the context recognizer checks its own lower-case names against the gazetteer)
    if rec == "SpacyRecognizer":
        from recognizers.address import STREET_TYPES
        from recognizers.gazetteer import is_name_like
        from recognizers.refine import person_with_street_surname

        toks = [t.strip(".,:;()") for t in span.split() if any(c.isalnum() for c in t)]
        if not toks:
            return False
        if any(c.isdigit() for c in span):
            return False  # a form's or a product's code ("CMS-CoC2", "Form C3"): no name has a figure in it
        if len(toks) == 1 and (toks[0].lower() in _LABEL_WORDS or (toks[0].isupper() and len(toks[0]) <= 4)):
            return False  # a form label or abbreviation ("Tel", "Ref", "NI", "DOB")
        if len(toks) == 1 and _TO_LABEL_AFTER.match(text, e) and toks[0].lower() in ("bill", "ship", "deliver", "invoice", "send", "sold"):
            return False  # "Bill to: Mrs P Chauhan"
        if re.fullmatch(r"(?:" + STREET_TYPES + r")", toks[-1]) and not person_with_street_surname(text, s, e):
            return False  # "Marsh Lane" (but "my neighbour Tom Chase": refine.person_with_street_surname)
        named = [t for t in toks if is_name_like(t)]
        if not named and any(len(t) > 1 and (zipf(t) >= 4.0 or t.isupper()) for t in toks):  # (initials are not words)
            return False  # "Tel", "MEMO", "Findings", "Midlands Parcel"
    return True


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop findings wholly inside another one; third-party findings win ties."""
    order = sorted(
        findings,
        key=lambda f: (f.party != PartyKind.THIRD_PARTY, -(f.end - f.start), -f.score),
    )
    kept: list[Finding] = []
    for f in order:
        if any(k.start <= f.start and f.end <= k.end for k in kept):
            continue
        kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


def build_analyzer(case: CaseRecord, settings: DetectSettings | None = None) -> CaseAnalyzer:
    settings = settings or DetectSettings()
    return CaseAnalyzer(_get_core(settings), case, settings)
