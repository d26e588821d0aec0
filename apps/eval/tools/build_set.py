# Writes apps/eval/data/matching-set.json: the rubric pre-assessment of label_helper.py, after review, with
# the hand overrides below where the reading of a record differed from the rubric. Usage:
#   python3 apps/eval/tools/build_set.py /tmp/fixture.json
import json, os, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from needs_spec import NEEDS
from label_helper import judge, S

BY_TAX = {s['taxCode']: s for s in S}
# Hand overrides after reading the records (need key, supplier index) -> (grade, reason)
OVERRIDES = {}
def ov(key, idx, grade, reason): OVERRIDES[(key, idx)] = (grade, reason)

for s in S:
    if s['status'] == 'SUSPENDED': continue
    procs = set(s['processes'])
    if s['archetype'] == 'injection' and 'INJECTION_MOULD_MAKING' in procs:
        ov('kaisei-mould-making', s['index'], 1, f"injection moulder with an in-house tool room (INJECTION_MOULD_MAKING) for its own moulding; making 0.01 mm moulds for others not evidenced (its part tolerance is {s['bestToleranceMm']} mm, capacity counted in PCS)")
    if s['archetype'] == 'stamping' and 'STAMPING_DIE_MAKING' in procs:
        ov('kaisei-mould-making', s['index'], 1, f"press shop that makes its own stamping dies (STAMPING_DIE_MAKING): neighbouring tool-room skill, not injection moulds; tolerance {s['bestToleranceMm']} mm")
ov('kaisei-mfp-covers-sparse', 42, 1, 'steel-structure shop with SHEET_METAL_FABRICATION (cuts and welds, capacity in tonnes), no stamping: could make covers in small lots only; a real gap for 40k sets/month')
ov('rhein-caliper-bracket', 152, 1, 'die caster with CNC_MILLING for post-machining and IATF 16949 valid until 2028-11-09, 0.182 mm best tolerance and no CNC turning: a neighbouring capability with real gaps (tolerance 0.03, turning)')

def reason_of(n, s):
    g, r = judge(n, s)
    if g == 0: return 0, r
    parts = r.split(' | ')
    gaps, oks, rest = parts[0], parts[1] if len(parts) > 1 else '', parts[2:]
    text = gaps if gaps == 'meets every stated requirement' else f'gaps: {gaps}'
    if oks: text += f'; OK: {oks}'
    for extra in rest: text += f'; {extra}'
    return g, text

labels = []
for n in NEEDS:
    for s in S:
        g, r = reason_of(n, s)
        if (n['key'], s['index']) in OVERRIDES:
            g, r = OVERRIDES[(n['key'], s['index'])]
        if s['status'] == 'SUSPENDED': g = 0
        if g > 0: labels.append({'needKey': n['key'], 'taxCode': s['taxCode'], 'grade': g, 'reason': r})

needs_out = [{k: n[k] for k in ('key', 'language', 'sector', 'structured', 'buyerTaxCode', 'intent', 'input')} for n in NEEDS]
doc = {
  'description': 'Labelled sourcing needs of the demo FDI buyers, graded by hand against the 160 demo supplier records (apps/eval/data/suppliers-fixture.md). Used by apps/eval/src/matching.ts.',
  'referenceDay': '2026-11-26',
  'grades': {
    '3': 'can do it as specified: right process, required certificates valid on the reference day, enough monthly capacity, within the distance limit, tolerance and lead time met',
    '2': 'can very likely do it with a minor gap: capacity 50-99 % of the need, a related/parent process, tolerance or lead time up to 1.5x, up to 25 % beyond the distance limit, a secondary step (e.g. printing, coating, post-machining) not in-house, the wanted material not listed',
    '1': 'related but a real gap: a required certificate missing, expired or not yet valid; only a neighbouring process; capacity 10-49 %; tolerance 1.5-3x; lead time over 1.5x; 25-100 % beyond the distance limit; or three minor gaps together',
    '0': 'not listed: cannot do it, or suspended',
  },
  'conventions': [
    'Suppliers are identified by tax code (the demo ids are random UUIDs).',
    'Certificate validity is judged on referenceDay with isCertificateValid (valid from validFrom, until the day before validUntil).',
    'Verification status UNVERIFIED does not lower a grade (it says nothing about capability); SUSPENDED suppliers are always 0.',
    'Materials lower a grade only where the need makes the material the point (EPDM seals, copper busbars, zinc die casting); machining and moulding shops are expected to source common grades.',
    'Requirements stated only in the text (certificates, machine size, processes) count like structured ones: the grade is about the buyer\'s real need.',
    'Capacities in another unit than the need (m2 vs pieces, pieces vs tonnes) are treated as not evidenced (at most 1) unless the need states the conversion.',
  ],
  'needs': needs_out,
  'labels': labels,
}
json.dump(doc, open(os.path.join(HERE, '..', 'data', 'matching-set.json'), 'w'), ensure_ascii=False, indent=1)
c = collections.Counter(l['needKey'] for l in labels)
print(len(needs_out), 'needs', len(labels), 'labels', collections.Counter(l['grade'] for l in labels))
for n in NEEDS:
    gs = collections.Counter(l['grade'] for l in labels if l['needKey'] == n['key'])
    print(f"{n['key']:36} {n['language']} {n['structured']:7} n={c[n['key']]:3} 3:{gs[3]} 2:{gs[2]} 1:{gs[1]}")
