# Pre-assesses every demo supplier against the labeller's reading of each need (needs_spec.py) with the
# grade rubric of matching-set.json, and prints the plausible suppliers per need with the facts behind each
# grade, for review. Usage (from the repository root, after `npm run build`):
#   node dist/apps/eval/src/suppliers-fixture.js --json /tmp/fixture.json
#   python3 apps/eval/tools/label_helper.py /tmp/fixture.json [need-key ...]
import json, math, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..', '..')
sys.path.insert(0, HERE)
from needs_spec import NEEDS
FIXTURE = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1].endswith('.json') else os.environ.get('FIXTURE_JSON', '/tmp/fixture.json')
D = json.load(open(FIXTURE))
S = D['suppliers']
GEO = {}
for z in json.load(open(os.path.join(ROOT, 'libs', 'taxonomy', 'data', 'zones.json')))['terms']:
    if z.get('geo'): GEO[z['code']] = z['geo']
def hav(a, b):
    r = math.pi/180
    h = math.sin((b['lat']-a['lat'])*r/2)**2 + math.cos(a['lat']*r)*math.cos(b['lat']*r)*math.sin((b['lng']-a['lng'])*r/2)**2
    return 2*6371.0088*math.asin(min(1, math.sqrt(h)))

def clamp_of(s):
    for e in s['equipment']:
        if 'clamp' in e:
            return int(e.split(' t clamp')[0].split()[-1])
    return None

def press_of(s):
    sizes = [int(e.split()[-2]) for e in s['equipment'] if ' PRESS ' in f' {e} ' and e.endswith(' t')]
    return max(sizes) if sizes else None

def judge(n, s):
    j = n['judge']
    caps = []  # (grade cap, reason, kind) kind: 'ok' | 'minor' | 'major' | 'no'
    procs = set(s['processes'])
    if s['status'] == 'SUSPENDED':
        return 0, 'suspended supplier'
    # processes
    plevel = 3; preasons = []
    for req in j['primary']:
        hit = [c for c in req['full'] if c in procs]
        if hit: preasons.append(f"{req['name']}: has {hit[0]}"); continue
        hit = [c for c in req.get('minor', []) if c in procs]
        if hit: plevel = min(plevel, 2); preasons.append(f"{req['name']}: only {hit[0]} (related)"); continue
        hit = [c for c in req.get('major', []) if c in procs]
        if hit: plevel = min(plevel, 1); preasons.append(f"{req['name']}: only neighbouring {hit[0]}"); continue
        return 0, f"no {req['name']}"
    if j.get('archetypes') and s['archetype'] not in j['archetypes']:
        return 0, f"{s['archetype']} shop ({' '.join(s['processes'])}): not the kind of shop for this"
    caps.append((plevel, '; '.join(preasons)))
    for req in j.get('secondary', []):
        hit = [c for c in req['full'] if c in procs]
        caps.append((3, f"{req['name']}: has {hit[0]}") if hit else (2, f"no {req['name']} in-house (secondary step, could be subcontracted)"))
    # material
    if j.get('material'):
        hit = [m for m in j['material'] if m in s['materials']]
        caps.append((3, f"works {hit[0]}") if hit else (2, f"{'/'.join(j['material'])} not listed (lists {' '.join(s['materials'])})"))
    # certs
    for c in j.get('certs', []):
        held = [x for x in s['certifications'] if x['code'] == c]
        valid = [x for x in held if x['valid']]
        if valid:
            v = max(valid, key=lambda x: x['validUntil'])
            caps.append((3, f"{c} valid until {v['validUntil']}"))
        elif held:
            last = max(held, key=lambda x: x['validUntil'])
            caps.append((1, f"{c} not yet valid (from {last['validFrom']})" if last['daysLeft'] > 0 else f"{c} expired {last['validUntil']}"))
        else:
            caps.append((1, f"no {c}"))
    # quantity
    if j.get('qty'):
        v, u = j['qty']
        cap = s['capacity']
        if cap['unit'] != u:
            caps.append((1, f"capacity in {cap['unit']} ({cap['value']}), not comparable to {v} {u}"))
        else:
            r = cap['value'] / v
            g = 3 if r >= 1 else 2 if r >= 0.5 else 1 if r >= 0.1 else 0
            caps.append((g, f"capacity {cap['value']} {u}/month vs {v} needed" + ('' if g == 3 else f" ({r:.0%})")))
    # tolerance
    if j.get('tol'):
        t = s['bestToleranceMm']
        if t is None: caps.append((2, 'tolerance not stated'))
        else:
            r = t / j['tol']
            g = 3 if r <= 1 else 2 if r <= 1.5 else 1 if r <= 3 else 0
            caps.append((g, f"best tolerance {t} mm vs {j['tol']} needed"))
    # lead time
    if j.get('lead'):
        l = s['leadTimeDays']; r = l / j['lead']
        g = 3 if r <= 1 else 2 if r <= 1.5 else 1
        caps.append((g, f"lead time {l} d vs {j['lead']} max"))
    # distance (search queries may name no place)
    km = hav(s['location'], GEO[j['zone']]) if j.get('zone') else None
    if j.get('dist'):
        r = km / j['dist']
        g = 3 if r <= 1 else 2 if r <= 1.25 else 1 if r <= 2 else 0
        caps.append((g, f"{km:.0f} km from {j['zone']} (limit {j['dist']})"))
    # machine size: a machine below the size asked cannot make the part; from three quarters of it, a real gap
    if j.get('clamp'):
        c = clamp_of(s)
        g = 3 if c and c >= j['clamp'] else 1 if c and c >= 0.75 * j['clamp'] else 0
        caps.append((g, f"largest machine {c} t clamp (needs >= {j['clamp']} t)"))
    if j.get('press'):
        c = press_of(s)
        g = 3 if c and c >= j['press'] else 1 if c and c >= 0.75 * j['press'] else 0
        caps.append((g, f"largest press {c} t (needs >= {j['press']} t)"))
    grade = min(c[0] for c in caps)
    if j.get('only1If') and grade == 1:
        o = j['only1If']
        t = s['bestToleranceMm']
        okc = all(any(x['code'] == c and x['valid'] for x in s['certifications']) for c in o.get('certs', []))
        if not (okc and t is not None and t <= o['tolMax']):
            return 0, 'two real gaps'
    minors = sum(1 for c in caps if c[0] == 2)
    if grade == 2 and minors >= 3: grade = 1; caps.append((1, 'several minor gaps together'))
    gaps = [c[1] for c in caps if c[0] < 3]
    oks = [c[1] for c in caps if c[0] == 3]
    reason = ('; '.join(gaps) if gaps else 'meets every stated requirement') + ' | ' + '; '.join(oks)
    if s['status'] == 'UNVERIFIED': reason += ' | profile unverified'
    if not j.get('dist') and km is not None: reason += f' | {km:.0f} km from plant'
    return grade, reason

if __name__ == '__main__':
    keys = [a for a in sys.argv[1:] if not a.endswith('.json')]
    for n in NEEDS:
        if keys and n['key'] not in keys: continue
        rows = []
        for s in S:
            g, r = judge(n, s)
            if g > 0: rows.append((g, s, r))
        rows.sort(key=lambda x: (-x[0], x[1]['index']))
        print(f"\n== {n['key']} [{n['language']}] {n['intent']}  (3:{sum(1 for r in rows if r[0]==3)} 2:{sum(1 for r in rows if r[0]==2)} 1:{sum(1 for r in rows if r[0]==1)})")
        for g, s, r in rows:
            print(f"  {g} #{s['index']:3} {s['taxCode']} {s['archetype'][:6]:6} {s['status'][:4]} {r}")
