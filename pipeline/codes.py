"""One source of truth for entity types, reason codes, parties and statuses.

Import these everywhere; never re-spell the strings.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class EntityType(str, Enum):
    """Kinds of personal data sarpack detects. Values are Presidio entity names."""

    PERSON = "PERSON"
    UK_NINO = "UK_NINO"
    CASE_REFERENCE = "CASE_REFERENCE"
    UK_POSTCODE = "UK_POSTCODE"
    ADDRESS = "ADDRESS"
    PHONE_NUMBER = "PHONE_NUMBER"
    EMAIL_ADDRESS = "EMAIL_ADDRESS"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    BANK_DETAILS = "BANK_DETAILS"
    IBAN_CODE = "IBAN_CODE"
    CREDIT_CARD = "CREDIT_CARD"
    UK_VEHICLE_REG = "UK_VEHICLE_REG"
    UK_DRIVING_LICENCE = "UK_DRIVING_LICENCE"
    UK_PASSPORT = "UK_PASSPORT"
    UK_NHS = "UK_NHS"
    DENY_LIST = "DENY_LIST"          # a deployment or case deny-list term
    SOURCE_REDACTION = "SOURCE_REDACTION"  # text under a box drawn in the source ("fake redaction")
    MANUAL = "MANUAL"                # added by a reviewer

    def __str__(self) -> str:  # so f-strings print the bare value
        return self.value


class PartyKind(str, Enum):
    """Whose data a finding is."""

    REQUESTER = "requester"
    THIRD_PARTY = "third_party"      # listed in case.json
    UNKNOWN = "unknown"              # a person not listed in case.json
    ORGANISATION = "organisation"    # public body or employer: not personal data

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Reason:
    code: str
    label: str
    legal_basis: str
    explanation: str


class ReasonCode(str, Enum):
    """Why something was withheld. The table below gives the words."""

    TP = "TP"   # third-party personal data
    SR = "SR"   # already redacted in the source document
    LP = "LP"   # legal professional privilege
    CR = "CR"   # crime and taxation
    SH = "SH"   # serious harm (health, social work)
    NG = "NG"   # negotiations with the requester

    def __str__(self) -> str:
        return self.value

    @property
    def info(self) -> Reason:
        return REASONS[self]


REASONS: dict[ReasonCode, Reason] = {
    ReasonCode.TP: Reason(
        "TP",
        "Third-party personal data",
        "UK GDPR Art. 15(4); DPA 2018 Sch. 2 Pt 3 para 16",
        "Information about another person, which we cannot disclose without their consent "
        "and where it would not be reasonable to do so.",
    ),
    ReasonCode.SR: Reason(
        "SR",
        "Redacted in the source document",
        "UK GDPR Art. 15(4); DPA 2018 Sch. 2 Pt 3 para 16",
        "Text that was already blacked out in the document we hold. We have removed it "
        "properly so that it cannot be recovered.",
    ),
    ReasonCode.LP: Reason(
        "LP",
        "Legal professional privilege",
        "DPA 2018 Sch. 2 Pt 4 para 19",
        "Confidential communications with legal advisers.",
    ),
    ReasonCode.CR: Reason(
        "CR",
        "Crime and taxation",
        "DPA 2018 Sch. 2 Pt 1 para 2",
        "Disclosure would be likely to prejudice the prevention or detection of crime "
        "or the assessment or collection of tax.",
    ),
    ReasonCode.SH: Reason(
        "SH",
        "Serious harm",
        "DPA 2018 Sch. 3 Pt 2-4",
        "Disclosure would be likely to cause serious harm to the physical or mental health "
        "of any person.",
    ),
    ReasonCode.NG: Reason(
        "NG",
        "Negotiations",
        "DPA 2018 Sch. 2 Pt 4 para 23",
        "Our intentions in negotiations with you, where disclosure would prejudice them.",
    ),
}


class DocStatus(str, Enum):
    DISCLOSED = "disclosed"
    WITHHELD = "withheld"
    DUPLICATE = "duplicate"
    FAILED = "failed"

    def __str__(self) -> str:
        return self.value


class DecisionState(str, Enum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return self.value


class DecidedBy(str, Enum):
    AUTO = "auto"
    REVIEWER = "reviewer"

    def __str__(self) -> str:
        return self.value


class CaseState(str, Enum):
    NEW = "new"
    AWAITING_REVIEW = "awaiting_review"
    APPROVED = "approved"
    BUNDLED = "bundled"
    FAILED = "failed"

    def __str__(self) -> str:
        return self.value


# Redaction box colours for the reviewer UI, by reason code (CSS colours).
REASON_COLOURS: dict[ReasonCode, str] = {
    ReasonCode.TP: "#d62728",
    ReasonCode.SR: "#7f7f7f",
    ReasonCode.LP: "#1f77b4",
    ReasonCode.CR: "#9467bd",
    ReasonCode.SH: "#ff7f0e",
    ReasonCode.NG: "#2ca02c",
}
