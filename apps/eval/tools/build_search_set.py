# Writes apps/eval/data/search-set.json: every demo supplier graded 0-3 for each query of queries_spec.py with
# the rubric of label_helper.py (the one the needs set uses), plus the place rule below. Never reads engine or
# search output. Usage (from the repository root, after `npm run build`):
#   node dist/apps/eval/src/suppliers-fixture.js --json /tmp/fixture.json
#   python3 apps/eval/tools/build_search_set.py /tmp/fixture.json
import collections, json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from queries_spec import QUERIES
from label_helper import judge, hav, GEO, S


def grade_of(query, s):
    j = dict(query['judge'])
    zone, near = j.pop('zone', None), j.pop('near', None)
    g, reason = judge({'judge': j}, s)
    if g == 0 or s['status'] == 'SUSPENDED':
        return 0, reason
    parts = reason.split(' | ')
    gaps, oks, rest = parts[0], parts[1] if len(parts) > 1 else '', parts[2:]
    text = gaps if gaps == 'meets every stated requirement' else f'gaps: {gaps}'
    if oks: text += f'; OK: {oks}'
    for extra in rest: text += f'; {extra}'
    if zone:
        # A place in a query is a preference, not a limit: in or near the zone (<= near km) keeps the grade,
        # up to twice as far costs one grade, farther costs two (never below 1: the supplier does the work).
        km = hav(s['location'], GEO[zone])
        if km <= near: text += f'; {km:.0f} km from {zone} (near)'
        elif km <= 2 * near: g = min(g, 2); text += f'; {km:.0f} km from {zone}: beyond {near} km, within {2 * near}'
        else: g = min(g, 1); text += f'; {km:.0f} km from {zone}: far from the named place'
    return g, text


labels = []
for query in QUERIES:
    for s in S:
        g, r = grade_of(query, s)
        if g > 0: labels.append({'queryKey': query['key'], 'taxCode': s['taxCode'], 'grade': g, 'reason': r})

doc = {
  'description': 'Labelled supplier-search queries graded against the 160 demo supplier records (apps/eval/data/suppliers-fixture.md), made with apps/eval/tools/queries_spec.py and build_search_set.py from the taxonomy and the fixture, never from search output. Used by apps/eval/src/matching.ts.',
  'referenceDay': '2026-11-26',
  'grades': {
    '3': 'offers the process asked for (or one beneath it), holds the certificates the query names valid on the reference day, works the material named, and is within the distance of the place named',
    '2': 'a related or parent process, a second step the query names not in-house, the material named not listed, or 15-30 km from the place named',
    '1': 'a neighbouring process only, a certificate the query names missing or not valid, or far from the place named',
    '0': 'not listed: does not do it, or suspended',
  },
  'conventions': [
    'The same rubric as the needs set (label_helper.judge) for processes, certificates and materials; quantities, tolerances and lead times in long queries are not graded (a search has no capacity filter unless asked).',
    'A zone named in a query is read as "near this zone": within 15 km keeps the grade, 15-30 km caps it at 2, farther at 1.',
    'Verification status UNVERIFIED does not lower a grade; SUSPENDED suppliers are 0 (the API never returns them).',
  ],
  'queries': [{k: x[k] for k in ('key', 'bucket', 'language', 'query', 'intent')} for x in QUERIES],
  'labels': labels,
}
json.dump(doc, open(os.path.join(HERE, '..', 'data', 'search-set.json'), 'w'), ensure_ascii=False, indent=1)
print(len(QUERIES), 'queries', len(labels), 'labels', dict(collections.Counter(l['grade'] for l in labels)))
print(dict(collections.Counter(x['bucket'] for x in QUERIES)))
for x in QUERIES:
    gs = collections.Counter(l['grade'] for l in labels if l['queryKey'] == x['key'])
    print(f"{x['key']:14} {x['language']} 3:{gs[3]:3} 2:{gs[2]:3} 1:{gs[1]:3}  {x['query'][:70]}")
