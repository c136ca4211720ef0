"""Regenerate the demo case store (sample_docs/SAR-2026-0001, SAR-2026-0002).

All text lives in this script; every binary file (PDF, DOCX, EML) is written from it with
fixed dates and fixed identifiers, so running it twice gives byte-identical files:

    .venv/bin/python sample_docs/_build/build_demo.py

Everyone and everything here is fictional (Ofcom drama phone ranges, example.* domains).
After writing, the script checks that every string in each case's expected.json occurs
verbatim in the text of at least one document, and that no occurrence of a must-stay
string overlaps an occurrence of a must-disappear string.
"""
from __future__ import annotations

import io
import json
import re
import shutil
import sys
import zipfile
from datetime import datetime
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pymupdf
from docx import Document
from docx.shared import Pt

STORE = Path(__file__).resolve().parent.parent
FIXED = datetime(2026, 2, 2, 9, 0, 0)
ZIP_TIME = (2026, 2, 2, 9, 0, 0)
CMS_HEAD = "Child Maintenance Service, PO Box 249, Mitcheldean GL17 1AJ"
CMS_PHONE = "Helpline: 0800 988 0988 (Monday to Friday, 8am to 7pm)"


# --------------------------------------------------------------------------- writers

def make_pdf(text: str, title: str) -> bytes:
    """A text-layer PDF. Pages are separated by form feeds; lines are never wrapped
    (the check below fails if a line does not fit)."""
    doc = pymupdf.open()
    pages = text.strip("\n").split("\f")
    for n, body in enumerate(pages, 1):
        page = doc.new_page(width=595, height=842)  # A4
        footer = f"{title} - page {n} of {len(pages)}"
        rc = page.insert_textbox(
            pymupdf.Rect(50, 50, 545, 790), body.strip("\n"), fontname="helv", fontsize=10,
            lineheight=1.35,
        )
        if rc < 0:
            raise SystemExit(f"{title}: page {n} text does not fit ({rc})")
        page.insert_text((50, 815), footer, fontname="helv", fontsize=8)
    doc.set_metadata({"title": title, "author": "", "subject": "", "keywords": "",
                      "creator": "sarpack demo builder", "producer": "",
                      "creationDate": "", "modDate": ""})
    data = doc.tobytes(garbage=4, deflate=True, no_new_id=True)
    doc.close()
    return data


def fix_zip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed member timestamps (python-docx stamps 'now')."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def make_docx(title: str, intro: list[str], rows: list[tuple[str, str]], outro: list[str]) -> bytes:
    d = Document()
    style = d.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    d.add_heading(title, level=1)
    for p in intro:
        d.add_paragraph(p)
    table = d.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for k, v in rows:
        cells = table.add_row().cells
        cells[0].text = k
        cells[1].text = v
    for p in outro:
        d.add_paragraph(p)
    cp = d.core_properties
    cp.author = "Child Maintenance Service"
    cp.last_modified_by = "Child Maintenance Service"
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    return fix_zip(buf.getvalue())


def make_eml(*, sender: str, to: str, subject: str, date: str, msgid: str, plain: str,
             html: str, att_name: str, att_data: bytes, att_type: tuple[str, str]) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = date
    msg["Message-ID"] = msgid
    msg.set_content(plain)
    msg.add_alternative(html, subtype="html")
    msg.add_attachment(att_data, maintype=att_type[0], subtype=att_type[1], filename=att_name)
    msg.set_boundary("==sarpack-demo-mixed==")
    for i, part in enumerate(msg.iter_parts()):
        if part.is_multipart():
            part.set_boundary(f"==sarpack-demo-alt-{i}==")
    return msg.as_bytes(policy=policy.SMTP)


# --------------------------------------------------------------------------- text readers (for the check)

def pdf_text(data: bytes) -> str:
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return "\n".join(p.get_text() for p in doc)


def docx_text(path: Path) -> str:
    d = Document(str(path))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            out.extend(c.text for c in row.cells)
    return "\n".join(out)


def eml_text(path: Path) -> str:
    from email import message_from_bytes
    msg = message_from_bytes(path.read_bytes(), policy=policy.default)
    out = [f"{k}: {v}" for k, v in msg.items()]
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain":
            out.append(part.get_content())
        elif ctype == "text/html":
            out.append(re.sub(r"<[^>]+>", "", part.get_content()))
        elif ctype == "application/pdf":
            out.append(pdf_text(part.get_payload(decode=True)))
    return "\n".join(out)


def doc_text(path: Path) -> str:
    ext = path.suffix.lower()
    if ext == ".pdf":
        return pdf_text(path.read_bytes())
    if ext == ".docx":
        return docx_text(path)
    if ext == ".eml":
        return eml_text(path)
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- case SAR-2026-0001
# Requester: Claire Bennett, receiving parent. Paying parent: Dean Okafor (third party),
# his partner Tanya Rhodes (third party). Unlisted: payroll officer Gareth Pryce,
# neighbour Eileen Hartley, solicitor Priya Raman.

C1 = "SAR-2026-0001"

C1_CASE = {
    "case_id": C1,
    "received": "2026-01-20",
    "requester": {
        "name": "Claire Bennett",
        "aliases": ["Claire Louise Bennett", "Claire Okafor"],
        "date_of_birth": "1988-03-14",
        "ni_number": "JT 48 29 71 C",
        "case_references": ["CMS-2026-004512", "3104 7721 5590"],
        "addresses": ["14 Larch Close, Harrogate HG2 7QP"],
        "phones": ["07700 900417"],
        "emails": ["claire.bennett@example.com"],
    },
    "third_parties": [
        {
            "name": "Dean Okafor",
            "role": "paying parent",
            "aliases": ["Dean Chukwuma Okafor", "Deano"],
            "ni_number": "NP 61 83 24 B",
            "addresses": ["Flat 3, 27 Mill Lane, Leeds LS6 2RB"],
            "phones": ["07700 900123", "0113 496 0571"],
            "emails": ["dean.okafor@example.net"],
        },
        {
            "name": "Tanya Rhodes",
            "role": "paying parent's partner",
            "aliases": [],
            "ni_number": None,
            "addresses": ["Flat 3, 27 Mill Lane, Leeds LS6 2RB"],
            "phones": ["07700 900582"],
            "emails": ["tanya.rhodes@example.org"],
        },
    ],
    "options": {"allow_list": ["Northbridge Logistics Ltd"], "deny_list": []},
}

C1_NOTES = """\
CHILD MAINTENANCE SERVICE - CASE NOTES
Case reference: CMS-2026-004512 (legacy CSA reference 3104 7721 5590)
Receiving parent: Claire Bennett, DOB 14/03/1988, NI JT 48 29 71 C
Paying parent: Dean Okafor, DOB 02/09/1985, NI NP 61 83 24 B

06/01/2026 09:14  Inbound call from Claire Bennett (07700 900417). Passed security
  (DOB and first line of address, 14 Larch Close). Ms Bennett says no payment has
  been received for December. She believes Dean has changed jobs. Advised we will
  contact HM Revenue & Customs for current employment details. Will call her back
  within 10 working days.

07/01/2026 11:02  HMRC data received: paying parent employed by Northbridge Logistics
  Ltd since 03/11/2025. Gross weekly pay reported: 612.40. Mr Okafor's previous
  employer ceased deductions 31/10/2025.

08/01/2026 14:40  Outbound call to Dean Okafor on 07700 900123 - no answer. Voicemail
  left. Second number on file 0113 496 0571 (home landline) - answered by a woman who
  gave her name as Tanya Rhodes, said Dean was at work and she would pass on the message.
  Ms Rhodes asked that we stop calling the landline. Note: Tanya's mobile given as
  07700 900582 for messages only - do not discuss the case with her.

09/01/2026 10:25  Mr Okafor called back. States he is now living at Flat 3, 27 Mill Lane,
  Leeds LS6 2RB with his partner. Confirmed employer as Northbridge Logistics Ltd.
  Said he "will pay what the CMS says" but disputes the arrears figure of 1,846.20.
  Deduction from earnings order (DEO) to be issued to employer.

12/01/2026 16:05  DEO issued to Northbridge Logistics Ltd payroll. Letter sent to
  Claire Bennett confirming the arrears and the DEO (see correspondence folder).

15/01/2026 12:30  Call from a neighbour of the paying parent, Mrs Eileen Hartley, who
  would not give a number. Alleges Mr Okafor drives a silver Vauxhall, reg YK19 HVT,
  and works cash-in-hand at weekends. Recorded as an allegation only. Referred to the
  Financial Investigation Unit. Do not disclose source.

19/01/2026 09:50  Claire Bennett called to ask about the May review date. Advised
  the annual review is due on 12 May 2026. She asked us to mark her file so that
  letters go to claire.bennett@example.com as well as by post.

20/01/2026 08:45  Subject access request received from Ms Bennett by email.
  Logged as SAR. Jobcentre Plus confirmed no benefit deductions in place.
"""

C1_LETTER_TO = f"""\
{CMS_HEAD}
{CMS_PHONE}

Ms Claire Bennett
14 Larch Close
Harrogate
HG2 7QP

12 January 2026

Our reference: CMS-2026-004512

Dear Ms Bennett

Your child maintenance: payments and arrears

We have looked at the payments due under your Collect and Pay arrangement. The paying
parent has not paid the amounts due on 28 November 2025 and 29 December 2025.
Arrears on your case are now 1,846.20.

We have found the paying parent's new employer and have sent them a deduction from
earnings order. This means the employer must take child maintenance straight from
the paying parent's pay and send it to us. We will then pay it to you.

The first deduction should be taken on the next pay day after 26 January 2026.
Your next payment to you is expected on or around 6 February 2026.

You do not need to do anything. If your contact details change, please tell us on
0800 988 0988 or write to us at the address above, quoting CMS-2026-004512.

Yours sincerely

Collections Team
Child Maintenance Service
"""

C1_LETTER_FROM = """\
Flat 3, 27 Mill Lane
Leeds
LS6 2RB

Tel: 07700 900123
Email: dean.okafor@example.net

4 January 2026

Child Maintenance Service
PO Box 249
Mitcheldean
GL17 1AJ

Your ref: CMS-2026-004512
My other case: CMS-2026-007781

Dear Sir or Madam

I am writing about the arrears you say I owe Claire Bennett. I do not accept the
figure of 1,846.20. I paid Claire 300 in cash in October which she has not told you
about. My bank statements will show the withdrawal from my account, sort code 20-45-77,
account number 53179026, on 17 October 2025.

I have also started a new job at Northbridge Logistics Ltd and my partner Tanya Rhodes
now lives with me, which you should take into account as she has her own income.
I also pay maintenance for another child under CMS-2026-007781.

My National Insurance number is NP 61 83 24 B and my date of birth is 2 September 1985
if you need them to find my records.

Please do not send anything to my old address. I may be working away in May so
email is best.

Yours faithfully

Dean Chukwuma Okafor
"""

C1_DEO = """\
Northbridge Logistics Ltd
Unit 7, Calder Park Industrial Estate, Wakefield WF2 7AW
Payroll Department - payroll@northbridge-logistics.example.com

Child Maintenance Service
PO Box 249
Mitcheldean
GL17 1AJ

21 January 2026

Deduction from earnings order - employee: Dean Okafor
Your reference: CMS-2026-004512
Employee payroll number: NBL-30417
Employee NI number: NP 61 83 24 B

Dear Sir or Madam

We acknowledge receipt of the deduction from earnings order dated 12 January 2026.

The employee is paid weekly on a Friday. The first deduction of 58.35 (normal
deduction rate) plus 12.00 towards arrears will be taken on 30 January 2026 and
paid to the Child Maintenance Service by BACS on the 19th of the following month.

Protected earnings rate noted. We will tell you within 10 days if the employee
leaves our employment.

For payroll queries please contact Gareth Pryce on 0113 496 0244 or at
g.pryce@northbridge-logistics.example.com.

Yours faithfully

Gareth Pryce
Payroll Officer
Northbridge Logistics Ltd
"""

C1_REVIEW = f"""\
{CMS_HEAD}
{CMS_PHONE}

CALCULATION AND ARREARS REVIEW
Case reference: CMS-2026-004512
Legacy reference: 3104 7721 5590
Receiving parent: Claire Bennett
Paying parent: Dean Okafor (NI NP 61 83 24 B)
Review date: 27 January 2026

1. Background

1.1 The case was opened on 4 April 2022 following an application by Ms Bennett.
1.2 A Collect and Pay service type has applied since 1 August 2023 after missed
    payments under Direct Pay.
1.3 The paying parent, Mr Okafor, also has a second case, CMS-2026-007781, with a
    different receiving parent. Shared care and other children are considered below.

2. Income

2.1 HM Revenue & Customs reported gross weekly income of 612.40 from Northbridge
    Logistics Ltd for the 2025/26 tax year.
2.2 Mr Okafor says his partner, Tanya Rhodes, contributes to the household. Income of
    a partner is not part of the calculation and has not been used.
2.3 No Jobcentre Plus benefits are in payment to the paying parent.
\f
3. Disputed payment

3.1 Mr Okafor says he paid 300 in cash to the receiving parent in October 2025.
3.2 Claire Bennett was asked about this on 22 January 2026 and denies receiving it.
3.3 Dean's bank statement (sort code 20-45-77, account 53179026) shows a cash
    withdrawal of 300 on 17 October 2025, but this does not show who received it.
3.4 As payments under Collect and Pay must be made through the CMS, the payment
    cannot be credited. The paying parent may ask for a mandatory reconsideration.

4. Information from third parties

4.1 An allegation of undeclared income was made on 15 January 2026 by a member of
    the public. The vehicle seen, registration YK19 HVT, is registered to the paying
    parent. The matter has been passed to the Financial Investigation Unit.
4.2 A letter from Priya Raman of Raman & Co Solicitors, acting for Mr Okafor, was
    received on 24 January 2026. Ms Raman asks that future letters go to her office
    at 5 Park Square East, Leeds LS1 2NE.
\f
5. Outcome

5.1 Weekly liability: 58.35 (basic rate, one qualifying child, no shared care).
5.2 Arrears: 1,846.20, to be collected at 12.00 per week through the deduction from
    earnings order with Northbridge Logistics Ltd.
5.3 Next annual review: 12 May 2026.
5.4 Letters to the receiving parent: 14 Larch Close, Harrogate HG2 7QP, and by email
    to claire.bennett@example.com.

6. Contact

Receiving parent: Claire Bennett, telephone 07700 900417.
Paying parent: Dean Okafor, telephone 07700 900123, email dean.okafor@example.net.

Decision maker: Collections Team, Child Maintenance Service.
Anyone who disagrees with this decision can call 0800 988 0988.
"""

C1_EMAIL_PLAIN = """\
Dear Child Maintenance Service,

Re: Deduction from earnings order - Dean Okafor - your ref CMS-2026-004512

Please find attached our payroll schedule for January. The deduction of 70.35
(58.35 plus 12.00 arrears) was taken from Mr Okafor's pay on 30 January 2026.

The employee has asked us to mention that his partner Tanya Rhodes may call on his
behalf. We have told him we cannot discuss his pay with her.

Kind regards,

Gareth Pryce
Payroll Officer, Northbridge Logistics Ltd
Tel 0113 496 0244
"""

C1_EMAIL_HTML = """\
<html><body>
<p>Dear Child Maintenance Service,</p>
<p><b>Re: Deduction from earnings order - Dean Okafor - your ref CMS-2026-004512</b></p>
<p>Please find attached our payroll schedule for January. The deduction of 70.35
(58.35 plus 12.00 arrears) was taken from Mr Okafor's pay on 30 January 2026.</p>
<p>The employee has asked us to mention that his partner Tanya Rhodes may call on his
behalf. We have told him we cannot discuss his pay with her.</p>
<p>Kind regards,<br>Gareth Pryce<br>Payroll Officer, Northbridge Logistics Ltd<br>
Tel 0113 496 0244</p>
</body></html>
"""

C1_EMAIL_ATT = """\
Northbridge Logistics Ltd - DEO payroll schedule - January 2026
CMS reference: CMS-2026-004512

Payroll no  Employee     NI number       Pay date     Deduction
NBL-30417   Dean Okafor  NP 61 83 24 B   30/01/2026   70.35

Total to be paid to Child Maintenance Service by BACS on 19/02/2026: 70.35
Prepared by: Gareth Pryce
"""

C1_FORM_ROWS = [
    ("Case reference", "CMS-2026-004512"),
    ("Your full name", "Claire Louise Bennett"),
    ("Your date of birth", "14 March 1988"),
    ("Your National Insurance number", "JT 48 29 71 C"),
    ("Your address", "14 Larch Close, Harrogate HG2 7QP"),
    ("Your phone number", "07700 900417"),
    ("Your email", "claire.bennett@example.com"),
    ("Other parent's name", "Dean Okafor"),
    ("Other parent's address (if known)", "Flat 3, 27 Mill Lane, Leeds LS6 2RB"),
    ("Other parent's phone (if known)", "07700 900123"),
    ("Other parent's date of birth (if known)", "02/09/1985"),
    ("What has changed?", "I think Dean's partner Tanya Rhodes has moved in with him."),
    ("Date of change", "1 December 2025"),
]

# --------------------------------------------------------------------------- case SAR-2026-0002
# Requester: Tomasz Kowalczyk, paying parent. Receiving parent: Amina Yusuf (third party);
# her partner Ibrahim Warsame and her mother Halima Yusuf (third parties).
# Unlisted: payroll officer Janet Colquhoun, GP Dr Farah Siddiqui, solicitor Rupert Ellingham.

C2 = "SAR-2026-0002"

C2_CASE = {
    "case_id": C2,
    "received": "2026-02-03",
    "requester": {
        "name": "Tomasz Kowalczyk",
        "aliases": ["Tom Kowalczyk", "Tomasz Piotr Kowalczyk"],
        "date_of_birth": "1983-07-09",
        "ni_number": "SK 73 10 58 D",
        "case_references": ["CMS-2025-018834", "5521 0938 4476"],
        "addresses": ["9 Quarry Road, Rotherham S60 2HN"],
        "phones": ["07700 900261", "0114 496 0732"],
        "emails": ["t.kowalczyk@example.org"],
    },
    "third_parties": [
        {
            "name": "Amina Yusuf",
            "role": "receiving parent",
            "aliases": ["Amina Hassan Yusuf"],
            "ni_number": "WL 52 77 19 A",
            "addresses": ["41 Ashgrove Terrace, Bristol BS5 6JY"],
            "phones": ["0117 496 0855", "07700 900716"],
            "emails": ["amina.yusuf@example.net"],
        },
        {
            "name": "Ibrahim Warsame",
            "role": "receiving parent's partner",
            "aliases": [],
            "addresses": ["41 Ashgrove Terrace, Bristol BS5 6JY"],
            "phones": ["07700 900388"],
            "emails": [],
        },
        {
            "name": "Halima Yusuf",
            "role": "child's grandmother",
            "aliases": [],
            "addresses": ["112 Stapleton Road, Bristol BS5 0PR"],
            "phones": ["07700 900944"],
            "emails": [],
        },
    ],
}

C2_CALLS = """\
CALL LOG - CMS-2025-018834 (legacy 5521 0938 4476)
Paying parent: Tomasz Kowalczyk   Receiving parent: Amina Yusuf

Date        Time   Dir  Party                  Summary
----------  -----  ---  ---------------------  ---------------------------------------
05/01/2026  10:12  IN   Tomasz Kowalczyk       PP called from 07700 900261. Passed DPA
                                               (DOB 09/07/1983, NI SK 73 10 58 D).
                                               Says DEO is taking too much. Will send
                                               payslips.
07/01/2026  15:30  OUT  Amina Yusuf            RP called on 0117 496 0855 re change of
                                               address. No change. Ms Yusuf says her
                                               mother Halima now helps with childcare.
09/01/2026  11:48  IN   Halima Yusuf           Caller said she is the child's
                                               grandmother, from 07700 900944. Not a
                                               party to the case - no information
                                               given. Asked her to have Amina call.
12/01/2026  09:05  IN   Amina Yusuf            RP called from mobile 07700 900716.
                                               New email amina.yusuf@example.net.
                                               Says Amina's partner Ibrahim Warsame
                                               saw Mr Kowalczyk's van outside.
14/01/2026  13:20  OUT  Tomasz Kowalczyk       Returned call to 0114 496 0732. Advised
                                               him the DEO rate is 20% arrears add-on.
                                               He asked for a breakdown by email to
                                               t.kowalczyk@example.org.
19/01/2026  16:42  IN   Janet Colquhoun        Payroll, Harbour Fresh Foods Ltd, on
                                               0161 496 0318. Asked how to treat
                                               holiday pay. Advised per DEO guidance.
26/01/2026  10:00  IN   Ibrahim Warsame        Called from 07700 900388 for Amina.
                                               No authority on file - nothing said.
03/02/2026  09:30  IN   Tomasz Kowalczyk       Made SAR by phone. Asked for copies of
                                               all notes. May ring back for progress.
"""

C2_LETTER_TO = f"""\
{CMS_HEAD}
{CMS_PHONE}

Mr Tomasz Kowalczyk
9 Quarry Road
Rotherham
S60 2HN

16 January 2026

Our reference: CMS-2025-018834

Dear Mr Kowalczyk

Deduction from earnings order: your questions

Thank you for your call on 14 January 2026. You asked why the amount taken from your
pay by Harbour Fresh Foods Ltd went up in December.

The weekly amount of child maintenance is 41.20. Because there were arrears of
962.75 on your case, we added 8.24 a week towards the arrears from 1 December 2025.
This is why 49.44 a week is now taken from your pay.

Your pay will never fall below the protected earnings rate.

If you think our decision is wrong, you can ask for a mandatory reconsideration.
Call us on 0800 988 0988 or write to the address above. Please quote
CMS-2025-018834 or your old reference 5521 0938 4476.

We will also send a copy of this letter to t.kowalczyk@example.org as you asked.

Yours sincerely

Deductions Team
Child Maintenance Service
"""

C2_LETTER_FROM = """\
41 Ashgrove Terrace
Bristol
BS5 6JY

10 January 2026

Child Maintenance Service
PO Box 249
Mitcheldean GL17 1AJ

Case CMS-2025-018834

Dear Child Maintenance Service

I am the receiving parent on this case. I want to complain that payments from
Mr Kowalczyk are always late and that Tomasz has not paid the money he owes.

My mother, Halima Yusuf, of 112 Stapleton Road, Bristol BS5 0PR, looks after
my son after school and can confirm the dates he was meant to have him.

My partner Ibrahim Warsame saw a van registered BD68 KXW parked outside my house
on 2 January and we believe it is Tomasz's work van.

I also have a separate case for my older child, CMS-2024-052210, please do not mix
up the two. My National Insurance number is WL 52 77 19 A and I was born on
21 November 1990.

Please pay the money into my account: sort code 30-96-34, account 72810455.
You can call me on 07700 900716.

Yours sincerely

Amina Yusuf
"""

C2_DEO = """\
Harbour Fresh Foods Ltd
Dock Road, Grimsby DN31 3LL
Payroll - telephone 0161 496 0318

Child Maintenance Service
PO Box 249
Mitcheldean
GL17 1AJ

2 December 2025

Deduction from earnings order
Employee: Tomasz Kowalczyk, payroll no. HFF-2281
Your reference: CMS-2025-018834

Dear Sir or Madam

We confirm the revised deduction from earnings order has been applied.
From the pay date of 5 December 2025 we will deduct 49.44 each week
(41.20 normal deduction plus 8.24 arrears) and pay it to the
Child Maintenance Service.

Mr Kowalczyk has asked whether his overtime in May will be included. We will
apply the order to all earnings as the guidance requires.

Please send any further orders to the payroll office above.

Yours faithfully

Janet Colquhoun
Senior Payroll Administrator
Harbour Fresh Foods Ltd
"""

C2_REVIEW = f"""\
{CMS_HEAD}
{CMS_PHONE}

MANDATORY RECONSIDERATION - DECISION NOTES
Case reference: CMS-2025-018834
Paying parent: Tomasz Kowalczyk (requester of this decision)
Receiving parent: Amina Yusuf
Date: 28 January 2026

1. What was asked

1.1 Mr Kowalczyk asked us to look again at the arrears add-on of 8.24 a week.
1.2 He says he had the child for extra nights in December and wants shared care
    taken into account.
1.3 He also says the earnings figure from HM Revenue & Customs includes a one-off
    bonus paid by Harbour Fresh Foods Ltd.
\f
2. Evidence considered

2.1 Payslips from Tomasz Kowalczyk for October to December 2025.
2.2 A letter dated 10 January 2026 from the receiving parent, Ms Yusuf, disputing
    shared care. Amina says the child stayed with her maternal grandmother,
    Halima Yusuf, on the nights in question.
2.3 A note from the child's GP, Dr Farah Siddiqui of Easton Health Centre, sent at
    the receiving parent's request.
2.4 A statement from Ibrahim Warsame, the receiving parent's partner, about a van
    with registration BD68 KXW. This has no bearing on the calculation.
2.5 Jobcentre Plus confirmed that neither parent receives a benefit that would
    change the flat rate.
\f
3. Decision

3.1 Shared care: not enough evidence of 52 or more nights a year. No change.
3.2 Income: the bonus was paid once. We have recalculated income without it.
3.3 New weekly liability from 1 December 2025: 39.85. Arrears add-on: 7.97.
3.4 Harbour Fresh Foods Ltd will be sent a varied deduction from earnings order.
\f
4. Representations

4.1 A letter from Rupert Ellingham of Ellingham Price LLP said he acts for the
    receiving parent. No signed authority was provided, so no reply was sent.
4.2 The requester's own details were confirmed as: 9 Quarry Road, Rotherham S60 2HN;
    telephone 07700 900261; NI SK 73 10 58 D; date of birth 9 July 1983.

Decision maker: Mandatory Reconsideration Team, Child Maintenance Service.
"""

C2_EMAIL_PLAIN = """\
Hello,

My case reference is CMS-2025-018834. Please find attached my three December
payslips from Harbour Fresh Foods Ltd for the mandatory reconsideration.

The bonus on 19 December 2025 was a one-off. I will not get it again.

I had my son on 20, 21, 27 and 28 December. Amina will say he was with Halima but
that is not true, Halima was in Somalia for the whole of December.

Please reply to this email or call me on 07700 900261.

Tomasz Kowalczyk
9 Quarry Road, Rotherham S60 2HN
"""

C2_EMAIL_HTML = """\
<html><body>
<p>Hello,</p>
<p>My case reference is CMS-2025-018834. Please find attached my three December
payslips from Harbour Fresh Foods Ltd for the mandatory reconsideration.</p>
<p>The bonus on 19 December 2025 was a one-off. I will not get it again.</p>
<p>I had my son on 20, 21, 27 and 28 December. Amina will say he was with Halima but
that is not true, Halima was in Somalia for the whole of December.</p>
<p>Please reply to this email or call me on 07700 900261.</p>
<p>Tomasz Kowalczyk<br>9 Quarry Road, Rotherham S60 2HN</p>
</body></html>
"""

C2_EMAIL_ATT = """\
Harbour Fresh Foods Ltd - payslip summary
Employee: Tomasz Kowalczyk   Payroll no: HFF-2281   NI: SK 73 10 58 D

Pay date      Gross     Tax      NI      CMS DEO   Net
05/12/2025    598.10    61.40    24.80   49.44     462.46
12/12/2025    601.75    62.13    25.09   49.44     465.09
19/12/2025    912.30   124.24    49.93   49.44     688.69

Payroll contact: Janet Colquhoun, 0161 496 0318
"""

C2_FORM_ROWS = [
    ("Case reference", "CMS-2025-018834"),
    ("Your name", "Tomasz Kowalczyk"),
    ("Your date of birth", "09/07/1983"),
    ("Your National Insurance number", "SK 73 10 58 D"),
    ("Your address", "9 Quarry Road, Rotherham S60 2HN"),
    ("Your telephone", "0114 496 0732"),
    ("Your email", "t.kowalczyk@example.org"),
    ("Your employer", "Harbour Fresh Foods Ltd"),
    ("Other parent", "Amina Yusuf, 41 Ashgrove Terrace, Bristol BS5 6JY"),
    ("Nights the child stays with you each year", "About 60 (see diary)"),
    ("Who else looks after the child?", "His grandmother Halima Yusuf (07700 900944)"),
    ("Declaration", "I declare the information I have given is true."),
    ("Date", "3 February 2026"),
]


# --------------------------------------------------------------------------- expected

EXPECTED = {
    C1: {
        "must_disappear": [
            "Dean Okafor", "Okafor", "Dean", "Dean Chukwuma Okafor", "Tanya Rhodes", "Tanya",
            "Rhodes", "NP 61 83 24 B", "07700 900123", "0113 496 0571", "07700 900582",
            "dean.okafor@example.net", "27 Mill Lane", "LS6 2RB", "02/09/1985",
            "2 September 1985", "20-45-77", "53179026", "YK19 HVT", "CMS-2026-007781",
            "Gareth Pryce", "0113 496 0244", "g.pryce@northbridge-logistics.example.com",
            "Eileen Hartley", "Priya Raman", "NBL-30417",
        ],
        "must_stay": [
            "Claire Bennett", "Claire Louise Bennett", "Ms Bennett", "JT 48 29 71 C",
            "CMS-2026-004512", "3104 7721 5590", "14 Larch Close", "HG2 7QP", "07700 900417",
            "claire.bennett@example.com", "14 March 1988", "14/03/1988",
            "Child Maintenance Service, PO Box 249, Mitcheldean GL17 1AJ", "0800 988 0988",
            "Jobcentre Plus", "HM Revenue & Customs", "Northbridge Logistics Ltd",
            "payroll@northbridge-logistics.example.com", "WF2 7AW",
            "12 January 2026", "6 February 2026", "12 May 2026", "Will call her back",
            "the May review date", "mark her file", "1,846.20",
        ],
    },
    C2: {
        "must_disappear": [
            "Amina Yusuf", "Amina", "Yusuf", "Halima Yusuf", "Halima", "Ibrahim Warsame",
            "Ibrahim", "Warsame", "WL 52 77 19 A", "0117 496 0855", "07700 900716",
            "07700 900388", "07700 900944", "amina.yusuf@example.net", "41 Ashgrove Terrace",
            "BS5 6JY", "112 Stapleton Road", "BS5 0PR", "21 November 1990", "30-96-34",
            "72810455", "BD68 KXW", "CMS-2024-052210", "Janet Colquhoun", "0161 496 0318",
            "Farah Siddiqui", "Rupert Ellingham",
        ],
        "must_stay": [
            "Tomasz Kowalczyk", "Mr Kowalczyk", "SK 73 10 58 D", "CMS-2025-018834",
            "5521 0938 4476", "9 Quarry Road", "S60 2HN", "07700 900261", "0114 496 0732",
            "t.kowalczyk@example.org", "09/07/1983", "9 July 1983",
            "Child Maintenance Service, PO Box 249, Mitcheldean GL17 1AJ", "0800 988 0988",
            "Jobcentre Plus", "HM Revenue & Customs", "Harbour Fresh Foods Ltd",
            "Dock Road, Grimsby DN31 3LL",
            "16 January 2026", "14 January 2026", "1 December 2025", "Will send",
            "overtime in May", "962.75",
        ],
    },
}


# --------------------------------------------------------------------------- build

def write(path: Path, data: bytes | str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def build_case1(root: Path) -> None:
    docs = root / "documents"
    write(docs / "case_notes.txt", C1_NOTES)
    write(docs / "correspondence" / "2026-01-12_letter_to_receiving_parent.pdf",
          make_pdf(C1_LETTER_TO, "Letter to receiving parent"))
    write(docs / "correspondence" / "incoming" / "2026-01-04_letter_from_paying_parent.pdf",
          make_pdf(C1_LETTER_FROM, "Letter from paying parent"))
    write(docs / "employer" / "deo_acknowledgement_northbridge.pdf",
          make_pdf(C1_DEO, "Employer DEO acknowledgement"))
    write(docs / "calculation_and_arrears_review.pdf",
          make_pdf(C1_REVIEW, "Calculation and arrears review"))
    write(docs / "employer" / "email_payroll_schedule.eml", make_eml(
        sender="Gareth Pryce <g.pryce@northbridge-logistics.example.com>",
        to="Child Maintenance Service <deo@cms.example.gov.uk>",
        subject="DEO CMS-2026-004512 - January payroll schedule",
        date="Mon, 02 Feb 2026 10:15:00 +0000",
        msgid="<demo-0001-payroll@northbridge-logistics.example.com>",
        plain=C1_EMAIL_PLAIN, html=C1_EMAIL_HTML,
        att_name="deo_schedule_january_2026.pdf",
        att_data=make_pdf(C1_EMAIL_ATT, "DEO payroll schedule"),
        att_type=("application", "pdf"),
    ))
    write(docs / "forms" / "change_of_circumstances.docx", make_docx(
        "Child Maintenance Service - change of circumstances",
        ["Please tell us about any change that might affect your child maintenance.",
         "Return this form to Child Maintenance Service, PO Box 249, Mitcheldean GL17 1AJ."],
        C1_FORM_ROWS,
        ["Signed: Claire Bennett", "If you need help with this form call 0800 988 0988."],
    ))


def build_case2(root: Path) -> None:
    docs = root / "documents"
    write(docs / "call_log.txt", C2_CALLS)
    write(docs / "letters" / "2026-01-16_letter_to_paying_parent.pdf",
          make_pdf(C2_LETTER_TO, "Letter to paying parent"))
    write(docs / "letters" / "2026-01-10_letter_from_receiving_parent.pdf",
          make_pdf(C2_LETTER_FROM, "Letter from receiving parent"))
    write(docs / "letters" / "employer" / "deo_confirmation_harbour_fresh.pdf",
          make_pdf(C2_DEO, "Employer DEO confirmation"))
    write(docs / "mandatory_reconsideration_notes.pdf",
          make_pdf(C2_REVIEW, "Mandatory reconsideration notes"))
    write(docs / "email_payslips_from_paying_parent.eml", make_eml(
        sender="Tomasz Kowalczyk <t.kowalczyk@example.org>",
        to="Child Maintenance Service <mr@cms.example.gov.uk>",
        subject="CMS-2025-018834 mandatory reconsideration - payslips",
        date="Tue, 27 Jan 2026 19:42:00 +0000",
        msgid="<demo-0002-payslips@example.org>",
        plain=C2_EMAIL_PLAIN, html=C2_EMAIL_HTML,
        att_name="payslip_summary.txt",
        att_data=C2_EMAIL_ATT.encode("utf-8"),
        att_type=("text", "plain"),
    ))
    write(docs / "forms" / "shared_care_declaration.docx", make_docx(
        "Child Maintenance Service - shared care declaration",
        ["Use this form to tell us how many nights the child stays with you.",
         "Send it to Child Maintenance Service, PO Box 249, Mitcheldean GL17 1AJ."],
        C2_FORM_ROWS,
        ["Signed: Tomasz Kowalczyk", "Questions? Call 0800 988 0988."],
    ))


def check(root: Path, expected: dict) -> list[str]:
    problems: list[str] = []
    texts = {p: doc_text(p) for p in sorted((root / "documents").rglob("*")) if p.is_file()}
    for kind in ("must_disappear", "must_stay"):
        for s in expected[kind]:
            if not any(s in t for t in texts.values()):
                problems.append(f"{root.name}: {kind} string not found verbatim: {s!r}")
    for p, t in texts.items():
        gone = [(m.start(), m.end()) for s in expected["must_disappear"]
                for m in re.finditer(re.escape(s), t)]
        for s in expected["must_stay"]:
            for m in re.finditer(re.escape(s), t):
                if any(a < m.end() and m.start() < b for a, b in gone):
                    problems.append(f"{p.name}: must_stay {s!r} overlaps a must_disappear string")
    return problems


def main() -> int:
    builders = {C1: (C1_CASE, build_case1), C2: (C2_CASE, build_case2)}
    problems: list[str] = []
    for case_id, (case, build) in builders.items():
        root = STORE / case_id
        if (root / "documents").exists():
            shutil.rmtree(root / "documents")
        root.mkdir(parents=True, exist_ok=True)
        write(root / "case.json", json.dumps(case, indent=2) + "\n")
        write(root / "expected.json", json.dumps(EXPECTED[case_id], indent=2) + "\n")
        build(root)
        problems += check(root, EXPECTED[case_id])
        n = sum(1 for p in (root / "documents").rglob("*") if p.is_file())
        print(f"{case_id}: {n} documents, {len(EXPECTED[case_id]['must_disappear'])} must_disappear, "
              f"{len(EXPECTED[case_id]['must_stay'])} must_stay")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
