"""The walk up a form's rows to the line introducing them (``_block_header``), shared by the owner of a
block said to the reader (``_your_block_owner``) and of a block under a named owner (``_named_block_owner``):
its stop rules, each on a fresh made-up text."""

from recognizers.attribution import (
    DocParties,
    Mention,
    _NO_HEADER,
    _block_header,
    _named_block_owner,
    _named_block_row,
    _your_block_owner,
    _your_block_row,
)

ROWS = "Sort code: 40-11-62\nAccount number: 31926804\n"


def _at(text: str, value: str = "31926804") -> int:
    return text.index(value)


def _walk(text: str, is_row=_named_block_row, past_blank: bool = False, value: str = "31926804"):
    return _block_header(text, _at(text, value), [], is_row, past_blank)


def test_not_a_form_row_is_no_walk():
    text = "We paid the refund of 31926804 into the account last week.\n"
    assert _walk(text) is None
    assert _walk(text, _your_block_row, True) is None


def test_rows_up_to_the_text_start_have_no_header():
    assert _walk(ROWS) is None
    assert _walk(ROWS, _your_block_row, True) is None


def test_header_line_above_the_rows():
    text = "Refund account for Pemberly Lodge:\n" + ROWS
    ls, start, prev, line = _walk(text)
    assert ls == text.index("Account number")
    assert start == text.index("Sort code")
    assert prev == 0 and line == "Refund account for Pemberly Lodge:"


def test_short_line_without_colon_is_a_header():
    text = "Bank details of the other parent\n" + ROWS
    assert _walk(text)[3] == "Bank details of the other parent"
    text = "Your refund details\n" + ROWS
    assert _walk(text, _your_block_row, True)[3] == "Your refund details"


def test_sentence_above_the_rows_stops_with_no_header():
    text = "Thank you for writing to us about the refund.\n" + ROWS
    ls, start, prev, line = _walk(text)
    assert line is None and start == text.index("Sort code")
    assert _walk(text, _your_block_row, True)[3] is None


def test_blank_line_stops_the_named_walk():
    text = "Refund account for Pemberly Lodge:\n\n" + ROWS
    ls, start, prev, line = _walk(text)
    assert line is None and start == text.index("Sort code")


def test_blank_line_under_a_colon_header_is_looked_past_for_the_reader():
    text = "Your refund will be paid into the account in your name:\n\n" + ROWS
    ls, start, prev, line = _walk(text, _your_block_row, True)
    assert prev == 0 and line == "Your refund will be paid into the account in your name:"
    assert start == text.index("Sort code")


def test_blank_line_under_a_line_without_colon_stops():
    text = "Your refund is on its way\n\n" + ROWS
    assert _walk(text, _your_block_row, True)[3] is None


def test_blank_first_line_stops():
    text = "\n" + ROWS
    assert _walk(text, _your_block_row, True)[3] is None
    assert _walk(text)[3] is None


def test_at_most_eight_rows_are_walked():
    rows = "".join(f"Phone: 01632 96051{i}\n" for i in range(1, 8))
    eight = "Refund account:\n" + rows + "Account number: 31926804\n"
    assert _walk(eight)[3] == "Refund account:"  # seven rows above the value's: the header is the 8th line up
    nine = "Refund account:\nPhone: 01632 960510\n" + rows + "Account number: 31926804\n"
    ls, start, prev, line = _walk(nine)
    assert line is None and start == nine.index("Phone: 01632 960510")
    assert _walk(nine, _your_block_row, True)[3] is None


def test_reader_rows_take_a_your_ref_row_and_a_long_labelled_value():
    text = ("Your refund details\n"
            "Your ref: PL/5520\n"
            "Hours:   cut from 37 to 20 a week from the first of the month onwards\n" + ROWS)
    assert _walk(text, _your_block_row, True)[3] == "Your refund details"
    # the named walk takes neither as a row: the long row is the (sentence-like) line it stops at
    assert _walk(text)[3] is None


def test_a_row_ending_with_a_colon_is_the_header():
    text = "Payment to:\n" + ROWS
    assert not _named_block_row(text, 0, text.index("Sort code"), "Payment to:")
    assert not _your_block_row(text, 0, text.index("Sort code"), "Payment to:")
    assert _walk(text)[3] == "Payment to:"


def test_owners_over_the_shared_walk():
    doc = DocParties(addressee=0)
    yours = "Your refund will be paid into the account in your name:\n\n" + ROWS
    assert _your_block_owner(yours, _at(yours), [], doc) == 0
    assert _named_block_owner(yours, _at(yours), [], ["F"]) is _NO_HEADER

    named = "Refund to be paid to Orla Pemberly's account:\n" + ROWS
    m = Mention(named.index("Orla"), named.index("Orla") + len("Orla Pemberly"), 3, True)
    assert _named_block_owner(named, _at(named), [m], ["F"]) == 3
    assert _your_block_owner(named, _at(named), [m], doc) is _NO_HEADER

    blank = "Refund to be paid to Orla Pemberly's account:\n\n" + ROWS
    m = Mention(blank.index("Orla"), blank.index("Orla") + len("Orla Pemberly"), 3, True)
    assert _named_block_owner(blank, _at(blank), [m], ["F"]) is _NO_HEADER  # the blank line ends the block

    his = "His bank details:\n" + ROWS
    assert _named_block_owner(his, _at(his), [], ["F"]) is None
    assert _named_block_owner(his, _at(his), [], ["M"]) is _NO_HEADER

    sentence = "We will refund the overpayment to the account below.\n" + ROWS
    assert _your_block_owner(sentence, _at(sentence), [], doc) is _NO_HEADER
    assert _named_block_owner(sentence, _at(sentence), [], ["F"]) is _NO_HEADER

    vehicle = ("Thank you for your letter about the car.\nYou are the registered keeper of the vehicle below.\n"
               "Vehicle registration: KP19 WXR\n")
    assert _your_block_owner(vehicle, _at(vehicle, "KP19"), [], doc) == 0  # no header: the keeper's letter
