"""Round 24R: the requester's own data, by the step that failed most often on three fresh authors' texts: a value
that nothing next to it names an owner for, in a transcript of the agency's call or chat with its customer, was left
to the default (redacted) although a careful reader takes it for the customer's. Fresh texts (none from a corpus)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.codes import EntityType
from pipeline.models import CaseRecord, Party


@pytest.fixture(scope="module")
def tal():
    from recognizers import build_analyzer

    return build_analyzer(CaseRecord(
        case_id="C-R24R", received=date(2026, 11, 23), root=Path("."),
        requester=Party(name="Idris Talbot-Reyes", role="paying parent", aliases=("Idris Talbot",),
                        addresses=("5 Wrenfield Close, Stroud GL5 3PX",)),
        third_parties=[Party(name="Maxine Orrell", role="receiving parent (requester's former partner)",
                             addresses=("22 Kestrel Way, Nailsworth GL6 0AQ",))]))


def texts(an, text, et=None):
    return [f.text for f in an.analyze(text) if et is None or f.entity_type == et]


CALL_HEAD = ("TELEPHONE CALL TRANSCRIPT\n"
             "Adviser: Petra Lindqvist    Customer: Idris Talbot-Reyes (PP)\n\n")


# -- the agency's call or chat with its customer: what the customer gives, or the agent reads back, is his ---------

def test_bank_details_the_caller_gives_and_the_adviser_reads_back_are_the_customers(tal):
    call = CALL_HEAD + (
        "PL: Good morning, you're through to child maintenance. Can I take your postcode?\n"
        "IT: GL5 3PX.\n"
        "PL: Thanks. What can I do for you today?\n"
        "IT: I've switched banks, I need the collections to come from the new one.\n"
        "PL: No problem. Go ahead when you're ready.\n"
        "IT: Sort code 16-52-07, account 30918824.\n"
        "PL: So that's 16-52-07 and 30918824. The next collection will come from there.\n"
        "IT: Great, thanks.\n")
    found = texts(tal, call)
    assert not any("16-52-07" in f or "30918824" in f for f in found)


def test_a_card_in_a_webchat_customer_turn_is_the_customers(tal):
    chat = ("Online chat transcript  12/11/2026 18:40\n"
            "System: You are now chatting with Soren.\n"
            "Soren: Hello, how can I help?\n"
            "Me: hi it's Idris Talbot. I want to clear what I owe\n"
            "Soren: Thank you Idris. You can pay by card by phone or online.\n"
            "Me: can I do it here. 4539 1488 0343 6467 exp 04/28\n"
            "Soren: Please don't post card details here, I have hidden them.\n"
            "Me: ok sorry\n"
            "System: The chat has ended.\n")
    assert not any("4539" in f for f in texts(tal, chat))


def test_a_vehicle_the_adviser_confirms_with_the_customer_is_his(tal):
    call = CALL_HEAD + (
        "PL: Can you confirm your date of birth?\n"
        "IT: Second of March, eighty-seven.\n"
        "PL: Thanks. I have your insurance certificate here – that's for the van, WX19 KTP?\n"
        "IT: Yes, that's the one.\n")
    assert "WX19 KTP" not in texts(tal, call)


def test_a_value_in_a_turn_about_someone_else_stays_redacted(tal):
    call = CALL_HEAD + (
        "PL: How can I help?\n"
        "IT: It's about Maxine. She has a new car now, a blue Fiesta.\n"
        "PL: I see.\n"
        "IT: The reg is YK20 BNF, I saw it outside.\n"
        "PL: I can't discuss the other parent with you.\n"
        "IT: Her new partner is on 07700 900461 as well.\n"
        "PL: Noted.\n")
    found = texts(tal, call)
    assert "YK20 BNF" in found  # the turn before speaks of her: not the customer's
    assert "07700 900461" in found  # "her new partner": someone else's
    # a third person written without the apostrophe, as chats are typed
    chat = ("Online chat transcript\n"
            "System: You are now chatting with Soren.\n"
            "Soren: Hello, how can I help?\n"
            "Me: my ex has moved someone in\n"
            "Soren: Thank you for telling us.\n"
            "Me: hes called on 07700 900533 if you need him\n"
            "Soren: We may contact the other parent.\n")
    assert "07700 900533" in texts(tal, chat)


def test_only_a_conversation_with_the_agency_gives_values_to_its_customer(tal):
    # two private people messaging: nothing says the bare registration is either one's
    chat = ("Chat export\n"
            "Idris: are you bringing them saturday\n"
            "Maxine: yes about 10\n"
            "Idris: ok\n"
            "Maxine: we'll be in the other car. DN21 WPL\n"
            "Idris: fine\n")
    assert "DN21 WPL" in texts(tal, chat)
    # no customer identified in the heading or by the speakers: nothing to give it to
    call = ("TELEPHONE CALL TRANSCRIPT\nAdviser: Petra Lindqvist\n\n"
            "PL: How can I help?\n"
            "CL: I want to update some details.\n"
            "PL: Go ahead.\n"
            "CL: Sort code 16-52-07, account 30918824.\n"
            "PL: Thank you.\n")
    assert any("30918824" in f for f in texts(tal, call))


# -- the line rule: the nearest person in the value's own sentence, not one named in an earlier sentence of the line --

def test_a_person_named_only_in_an_earlier_sentence_of_a_note_does_not_own_the_value(tal):
    # run-on case notes: the customer named in the first sentence, someone else's number in a later one naming nobody
    for note in ("12/10/26 09:14 KD  Outbound call to PP. Confirmed he has moved in with a friend. Alt contact no. "
                 "07700 900274 - friend's mobile.\n",
                 "12/10/26 09:14 KD  Call from Idris. Wants review of calc. Alt contact: landlord, mob 07700 900274.\n",
                 "12/10/26 09:14 KD  Spoke PP on 07700 900588. Accepts parentage. Gave lodger's no. 07700 900631 as "
                 "alt contact.\n"):
        found = texts(tal, note)
        assert "07700 900274" in found or "07700 900631" in found, note
    # a sentence that speaks of nobody else goes on about the person named before it, as before: the customer's
    note = "12/10/26 09:14 KD  Call from Idris. Confirms move. New mobile 07700 900412.\n"
    assert "07700 900412" not in texts(tal, note)
