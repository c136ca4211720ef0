"""Speed check: python -m recognizers.bench (300 synthetic pages of ~450 words)."""
import random, time
from datetime import date
from pathlib import Path
from pipeline.models import CaseRecord, Party
from recognizers import build_analyzer
random.seed(1)
words = ("the payment was made on time and we have reviewed the calculation for this case "
         "please contact us if anything changes in your circumstances or your income").split()
def page(i):
    out = []
    for j in range(40):
        s = " ".join(random.choice(words) for _ in range(9))
        if j % 7 == 0: s += f" Maria Okonkwo phoned on 07700 900{i%1000:03d}."
        if j % 11 == 0: s += " Mr Patel spoke to Kelly Marsh at 14 Mill Lane, Leeds LS2 7AB."
        out.append(s.capitalize() + ".")
    return "\n".join(out)
texts = [page(i) for i in range(300)]
print("words/page", sum(len(t.split()) for t in texts) / 300)
case = CaseRecord("S", date(2026,1,1), Party("Dean Okonkwo"), [Party("Maria Okonkwo")], Path("."))
a = build_analyzer(case); a.analyze_many(texts[:5])
t = time.perf_counter(); list(a.nlp.pipe(texts, batch_size=64)); ner = time.perf_counter() - t
t = time.perf_counter(); r = a.analyze_many(texts); full = time.perf_counter() - t
print(f"NER only: {300/ner:.1f} pages/s; full detection: {300/full:.1f} pages/s; findings {sum(map(len,r))}")
