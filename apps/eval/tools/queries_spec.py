# The labelled search queries of apps/eval/data/search-set.json: what a buyer types into searchSuppliers,
# with the labeller's reading of it (`judge`: the processes it asks for, as in needs_spec.py; certificates
# and materials it names; the industrial zone it names, read as "near this zone").
#
# Written from the taxonomy (libs/taxonomy/data) and the supplier fixture (apps/eval/data/suppliers-fixture.md),
# the way buyers write: Vietnamese with and without diacritics, English, Japanese, Korean, typos, long and
# compound requests, places and certificates. Never from engine or search output. Not used at run time;
# see build_search_set.py.
#
# Bucket of each query: vi, vi-nodiac, en, ja, ko, typo, long, place, cert (one each; `lang` says the language).

def P(name, full, minor=(), major=()):
    return {'name': name, 'full': list(full), 'minor': list(minor), 'major': list(major)}

STAMP_ALL = ['STAMPING', 'PROGRESSIVE_DIE_STAMPING', 'TRANSFER_DIE_STAMPING', 'DEEP_DRAWING', 'FINE_BLANKING']
CNC_ALL = ['CNC_MACHINING', 'CNC_MILLING', 'CNC_TURNING', 'MULTI_AXIS_MACHINING', 'SWISS_TURNING']

STAMP = P('metal stamping', STAMP_ALL, major=['PRESS_BRAKE_BENDING', 'SHEET_METAL_FABRICATION', 'STAMPING_DIE_MAKING'])
PROG = P('progressive-die stamping', ['PROGRESSIVE_DIE_STAMPING'], minor=['STAMPING', 'TRANSFER_DIE_STAMPING', 'DEEP_DRAWING', 'FINE_BLANKING'], major=['STAMPING_DIE_MAKING'])
DEEP = P('deep drawing', ['DEEP_DRAWING'], minor=['STAMPING', 'PROGRESSIVE_DIE_STAMPING', 'TRANSFER_DIE_STAMPING'])
CNC = P('CNC machining', CNC_ALL, major=['GRINDING', 'DRILLING_TAPPING', 'WIRE_EDM'])
TURN = P('CNC turning', ['CNC_TURNING', 'SWISS_TURNING'], minor=['CNC_MACHINING'], major=['CNC_MILLING', 'MULTI_AXIS_MACHINING'])
MILL = P('CNC milling', ['CNC_MILLING', 'MULTI_AXIS_MACHINING'], minor=['CNC_MACHINING'], major=['CNC_TURNING'])
FIVE = P('5-axis machining', ['MULTI_AXIS_MACHINING'], minor=['CNC_MILLING', 'CNC_MACHINING'])
SWISS = P('Swiss-type turning', ['SWISS_TURNING'], minor=['CNC_TURNING'], major=['CNC_MACHINING'])
GRIND = P('grinding', ['GRINDING', 'SURFACE_GRINDING', 'CYLINDRICAL_GRINDING'])
WEDM = P('wire EDM', ['WIRE_EDM'], minor=['SINKER_EDM'])
INJ = P('injection moulding', ['INJECTION_MOULDING', 'INSERT_MOULDING', 'OVERMOULDING'], major=['LSR_MOULDING'])
INSERT = P('insert moulding', ['INSERT_MOULDING'], minor=['INJECTION_MOULDING', 'OVERMOULDING'])
IMOULD = P('injection mould making', ['INJECTION_MOULD_MAKING'], minor=['MOULD_DIE_MAKING'], major=['STAMPING_DIE_MAKING'])
SDIE = P('stamping die making', ['STAMPING_DIE_MAKING'], minor=['MOULD_DIE_MAKING'], major=['INJECTION_MOULD_MAKING'])
DIECAST = P('die casting', ['DIE_CASTING'], minor=['GRAVITY_CASTING'])
SMT = P('SMT assembly', ['SMT_ASSEMBLY'], major=['THT_ASSEMBLY', 'REFLOW_SOLDERING'])
THT = P('through-hole assembly', ['THT_ASSEMBLY'], minor=['WAVE_SOLDERING'], major=['SMT_ASSEMBLY'])
HARNESS = P('wire harness', ['WIRE_HARNESS'], minor=['CABLE_ASSEMBLY', 'WIRE_CRIMPING'])
CABLE = P('cable assembly', ['CABLE_ASSEMBLY'], minor=['WIRE_HARNESS', 'WIRE_CRIMPING'])
CRIMP = P('wire crimping', ['WIRE_CRIMPING'], minor=['WIRE_HARNESS', 'CABLE_ASSEMBLY'])
RUBBER = P('rubber moulding', ['RUBBER_MOULDING', 'LSR_MOULDING'], minor=['RUBBER_EXTRUSION'])
LSR = P('LSR moulding', ['LSR_MOULDING'], minor=['RUBBER_MOULDING'])
RUBBER_EXT = P('rubber extrusion', ['RUBBER_EXTRUSION'], minor=['RUBBER_MOULDING', 'LSR_MOULDING'])
ZINC = P('zinc plating', ['ZINC_PLATING'], minor=['ELECTROPLATING', 'HOT_DIP_GALVANISING'], major=['NICKEL_CHROME_PLATING'])
PLATING = P('electroplating', ['ELECTROPLATING', 'ZINC_PLATING', 'NICKEL_CHROME_PLATING'], major=['HOT_DIP_GALVANISING'])
NICKEL = P('nickel/chrome plating', ['NICKEL_CHROME_PLATING'], minor=['ELECTROPLATING'], major=['ZINC_PLATING'])
ANOD = P('anodising', ['ANODISING'], major=['ELECTROPLATING', 'CONVERSION_COATING'])
POWDER = P('powder coating', ['POWDER_COATING'], minor=['PAINTING'], major=['E_COATING', 'WET_PAINTING'])
ECOAT = P('e-coating', ['E_COATING'], minor=['PAINTING'], major=['POWDER_COATING'])
LASER = P('laser cutting', ['LASER_CUTTING'], minor=['SHEET_METAL_FABRICATION'], major=['PLASMA_CUTTING'])
BEND = P('press-brake bending', ['PRESS_BRAKE_BENDING'], minor=['SHEET_METAL_FABRICATION'])
WELD = P('metal welding', ['WELDING_JOINING', 'MIG_MAG_WELDING', 'TIG_WELDING', 'ROBOTIC_WELDING', 'SPOT_WELDING', 'LASER_WELDING'])
TIG = P('TIG welding', ['TIG_WELDING'], minor=['WELDING_JOINING', 'MIG_MAG_WELDING', 'ROBOTIC_WELDING'])
SPOT = P('spot welding', ['SPOT_WELDING'], minor=['WELDING_JOINING'], major=['ROBOTIC_WELDING'])
ULTRA = P('ultrasonic welding', ['ULTRASONIC_WELDING'])
PAD = P('pad printing', ['PAD_PRINTING'], minor=['SCREEN_PRINTING'])
SCREEN = P('screen printing', ['SCREEN_PRINTING'], minor=['PAD_PRINTING'])
BOX = P('box build', ['BOX_BUILD'], minor=['ASSEMBLY'])
CONFORMAL = P('conformal coating', ['CONFORMAL_COATING'])
CMM = P('CMM measurement', ['CMM_MEASUREMENT'], minor=['QUALITY_INSPECTION'])
POLISH = P('polishing', ['POLISHING'], major=['BLASTING', 'GRINDING'])
BLAST = P('shot blasting', ['BLASTING'], major=['POLISHING'])
JIGS = P('jigs and fixtures', ['JIGS_FIXTURES'], minor=['TOOLING'])
SOLDER = P('soldering', ['SOLDERING', 'REFLOW_SOLDERING', 'WAVE_SOLDERING'], major=['SMT_ASSEMBLY', 'THT_ASSEMBLY'])
WAVE = P('wave soldering', ['WAVE_SOLDERING'], minor=['SOLDERING', 'REFLOW_SOLDERING'], major=['THT_ASSEMBLY'])

def q(bucket, lang, text, intent, primary, secondary=(), certs=(), material=None, zone=None, near_km=15):
    judge = {'primary': list(primary), 'secondary': list(secondary), 'certs': list(certs)}
    if material: judge['material'] = list(material)
    if zone: judge['zone'] = zone; judge['near'] = near_km
    return {'key': f'{bucket}-{len([x for x in QUERIES if x["bucket"] == bucket]) + 1:02d}', 'bucket': bucket, 'language': lang, 'query': text, 'intent': intent, 'judge': judge}

QUERIES = []
def add(*args, **kwargs): QUERIES.append(q(*args, **kwargs))

# --- Vietnamese, as written ---------------------------------------------------------------------------------
add('vi', 'vi', 'dập kim loại', 'metal stamping of any kind', [STAMP])
add('vi', 'vi', 'dập liên hoàn', 'progressive-die stamping', [PROG])
add('vi', 'vi', 'dập khuôn liên hoàn', 'progressive-die stamping, words in another order', [PROG])
add('vi', 'vi', 'gia công CNC', 'CNC machining', [CNC])
add('vi', 'vi', 'tiện CNC', 'CNC turning', [TURN])
add('vi', 'vi', 'phay CNC 5 trục', '5-axis milling', [FIVE])
add('vi', 'vi', 'ép phun nhựa', 'plastic injection moulding', [INJ])
add('vi', 'vi', 'đúc áp lực nhôm', 'aluminium die casting', [DIECAST])
add('vi', 'vi', 'lắp ráp SMT bo mạch', 'SMT PCB assembly', [SMT])
add('vi', 'vi', 'bó dây điện ô tô', 'automotive wire harness', [HARNESS])
add('vi', 'vi', 'gioăng cao su', 'rubber gaskets: rubber moulding', [RUBBER])
add('vi', 'vi', 'mạ kẽm', 'zinc plating', [ZINC])
add('vi', 'vi', 'sơn tĩnh điện', 'powder coating', [POWDER])
add('vi', 'vi', 'chế tạo khuôn ép nhựa', 'injection mould making', [IMOULD])
add('vi', 'vi', 'cắt dây EDM', 'wire EDM', [WEDM])
add('vi', 'vi', 'anot hóa nhôm', 'anodising', [ANOD])
add('vi', 'vi', 'in lụa', 'screen printing', [SCREEN])
add('vi', 'vi', 'hàn điểm', 'spot welding', [SPOT])
# --- Vietnamese without diacritics ---------------------------------------------------------------------------
add('vi-nodiac', 'vi', 'dap kim loai', 'metal stamping', [STAMP])
add('vi-nodiac', 'vi', 'dap lien hoan', 'progressive-die stamping', [PROG])
add('vi-nodiac', 'vi', 'gia cong cnc', 'CNC machining', [CNC])
add('vi-nodiac', 'vi', 'tien cnc', 'CNC turning', [TURN])
add('vi-nodiac', 'vi', 'ep phun nhua', 'injection moulding', [INJ])
add('vi-nodiac', 'vi', 'duc ap luc', 'die casting', [DIECAST])
add('vi-nodiac', 'vi', 'ma kem', 'zinc plating', [ZINC])
add('vi-nodiac', 'vi', 'son tinh dien', 'powder coating', [POWDER])
add('vi-nodiac', 'vi', 'bo day dien', 'wire harness', [HARNESS])
add('vi-nodiac', 'vi', 'cao su ky thuat', 'technical rubber parts: rubber moulding', [RUBBER])
add('vi-nodiac', 'vi', 'lap rap smt', 'SMT assembly', [SMT])
add('vi-nodiac', 'vi', 'khuon ep nhua', 'injection moulds', [IMOULD])
add('vi-nodiac', 'vi', 'han tig', 'TIG welding', [TIG])
add('vi-nodiac', 'vi', 'dap vuot sau', 'deep drawing', [DEEP])
# --- English -------------------------------------------------------------------------------------------------
add('en', 'en', 'metal stamping', 'metal stamping', [STAMP])
add('en', 'en', 'progressive die stamping', 'progressive-die stamping', [PROG])
add('en', 'en', 'CNC machined parts', 'CNC machining, participle form', [CNC])
add('en', 'en', 'precision turning', 'CNC turning', [TURN])
add('en', 'en', 'swiss turning', 'Swiss-type turning', [SWISS])
add('en', 'en', 'plastic injection molding', 'injection moulding, US spelling', [INJ])
add('en', 'en', 'insert molding', 'insert moulding', [INSERT])
add('en', 'en', 'aluminum die casting', 'die casting, US spelling', [DIECAST])
add('en', 'en', 'PCB assembly SMT', 'SMT assembly', [SMT])
add('en', 'en', 'wire harness', 'wire harness', [HARNESS])
add('en', 'en', 'rubber seals and gaskets', 'rubber moulding', [RUBBER])
add('en', 'en', 'zinc plated', 'zinc plating, participle form', [ZINC])
add('en', 'en', 'anodizing', 'anodising, US spelling', [ANOD])
add('en', 'en', 'e-coating', 'e-coating', [ECOAT])
add('en', 'en', 'laser cut sheet metal', 'laser cutting', [LASER])
add('en', 'en', 'ultrasonic welding', 'ultrasonic welding', [ULTRA])
add('en', 'en', 'injection mold maker', 'injection mould making', [IMOULD])
add('en', 'en', 'cable assemblies', 'cable assembly, plural', [CABLE])
# --- Japanese ------------------------------------------------------------------------------------------------
add('ja', 'ja', 'プレス加工', 'metal stamping', [STAMP])
add('ja', 'ja', '順送プレス', 'progressive-die stamping, short form', [PROG])
add('ja', 'ja', '切削加工', 'CNC machining', [CNC])
add('ja', 'ja', '旋盤加工', 'turning', [TURN])
add('ja', 'ja', '射出成形', 'injection moulding', [INJ])
add('ja', 'ja', 'ダイカスト', 'die casting', [DIECAST])
add('ja', 'ja', '表面実装', 'SMT assembly', [SMT])
add('ja', 'ja', 'ワイヤーハーネス', 'wire harness', [HARNESS])
add('ja', 'ja', 'ゴム成形', 'rubber moulding', [RUBBER])
add('ja', 'ja', '金型製作', 'mould making (injection moulds or dies)', [P('mould or die making', ['INJECTION_MOULD_MAKING', 'STAMPING_DIE_MAKING', 'MOULD_DIE_MAKING'])])
add('ja', 'ja', '亜鉛めっき', 'zinc plating', [ZINC])
add('ja', 'ja', '粉体塗装', 'powder coating', [POWDER])
# --- Korean --------------------------------------------------------------------------------------------------
add('ko', 'ko', '프레스 가공', 'metal stamping', [STAMP])
add('ko', 'ko', 'CNC 가공', 'CNC machining', [CNC])
add('ko', 'ko', '선반 가공', 'turning', [TURN])
add('ko', 'ko', '사출성형', 'injection moulding', [INJ])
add('ko', 'ko', '다이캐스팅', 'die casting', [DIECAST])
add('ko', 'ko', '표면실장', 'SMT assembly', [SMT])
add('ko', 'ko', '와이어 하네스', 'wire harness', [HARNESS])
add('ko', 'ko', '고무 성형', 'rubber moulding', [RUBBER])
add('ko', 'ko', '사출 금형 제작', 'injection mould making', [IMOULD])
add('ko', 'ko', '아노다이징', 'anodising', [ANOD])
add('ko', 'ko', '분체도장', 'powder coating', [POWDER])
add('ko', 'ko', '초음파 융착', 'ultrasonic welding', [ULTRA])
# --- Typos (English process names, and one Vietnamese) -----------------------------------------------------------
add('typo', 'en', 'stampng', 'metal stamping, a letter dropped', [STAMP])
add('typo', 'en', 'machinng', 'machining, a letter dropped', [CNC])
add('typo', 'en', 'rubber extrusoin', 'rubber extrusion, letters swapped', [RUBBER_EXT])
add('typo', 'en', 'injection moulidng', 'injection moulding, letters swapped', [INJ])
add('typo', 'en', 'die castng aluminium', 'die casting, a letter dropped', [DIECAST])
add('typo', 'en', 'anodisng', 'anodising, a letter dropped', [ANOD])
add('typo', 'en', 'wire harnes', 'wire harness, a letter dropped', [HARNESS])
add('typo', 'en', 'powder coatng', 'powder coating, a letter dropped', [POWDER])
add('typo', 'en', 'electroplatting', 'electroplating, a letter doubled', [PLATING])
add('typo', 'en', 'progresive die', 'progressive die stamping, a letter dropped', [PROG])
add('typo', 'en', 'grindng', 'grinding, a letter dropped', [GRIND])
add('typo', 'vi', 'ep phung nhua', 'injection moulding without diacritics, a letter added', [INJ])
# --- Long and compound ---------------------------------------------------------------------------------------
add('long', 'vi', 'Cần tìm xưởng gia công CNC nhôm 6061 làm vỏ hộp thiết bị điện tử, có ISO 9001, số lượng khoảng 5.000 chiếc mỗi tháng',
    'CNC machining of AL6061 enclosures; ISO 9001', [CNC], certs=['ISO_9001'], material=['AL6061'])
add('long', 'vi', 'dập liên hoàn giá đỡ thép SPCC và mạ kẽm hoàn thiện cho linh kiện ô tô, yêu cầu IATF 16949',
    'progressive stamping of SPCC brackets; zinc plating second step; IATF 16949', [PROG], secondary=[P('zinc plating', ['ZINC_PLATING', 'ELECTROPLATING'])], certs=['IATF_16949'], material=['SPCC'])
add('long', 'en', 'looking for a supplier of injection molded PC/ABS housings with pad printing of the logo, RoHS compliant, around 50k pcs per month',
    'injection moulding of PC/ABS housings; pad printing second step; RoHS', [INJ], secondary=[P('pad printing', ['PAD_PRINTING', 'SCREEN_PRINTING'])], certs=['ROHS'])
add('long', 'en', 'we need a contract manufacturer for SMT and through-hole PCB assembly with conformal coating and functional testing, IPC-A-610 class 2',
    'SMT assembly; conformal coating second step; IPC-A-610', [SMT], secondary=[P('conformal coating', ['CONFORMAL_COATING'])], certs=['IPC_A_610'])
add('long', 'vi', 'xưởng ép cao su EPDM làm gioăng cửa tủ lạnh và đệm chống rung, giao hàng hàng tháng cho nhà máy điện lạnh',
    'rubber moulding of EPDM seals', [RUBBER], material=['EPDM'])
add('long', 'en', 'aluminium die cast housings ADC12 with CNC post machining and powder coat finish for electric motor end covers',
    'die casting ADC12; CNC post-machining and powder coating as second steps', [DIECAST], secondary=[P('CNC post-machining', CNC_ALL), P('powder coating', ['POWDER_COATING', 'PAINTING', 'E_COATING'])], material=['ADC12'])
add('long', 'vi', 'can tim cong ty lam bo day dien cho xe may va o to, bam dau cos tu dong, co chung chi IATF 16949',
    'wire harness for vehicles, automatic crimping; IATF 16949 (no diacritics)', [HARNESS], secondary=[P('crimping', ['WIRE_CRIMPING', 'WIRE_HARNESS'])], certs=['IATF_16949'])
add('long', 'en', 'precision turned brass C3604 pins and bushings on swiss type lathes tolerance 0.01 mm',
    'Swiss-type turning of brass pins', [SWISS], material=['C3604'])
add('long', 'ja', '自動車部品向けの順送プレス加工と金型製作ができるサプライヤー、IATF 16949 認証取得',
    'progressive stamping with die making; IATF 16949', [PROG], secondary=[P('stamping die making', ['STAMPING_DIE_MAKING', 'MOULD_DIE_MAKING'])], certs=['IATF_16949'])
add('long', 'ko', '가전제품용 플라스틱 사출성형 및 실크 인쇄 협력업체, ISO 14001 인증 필요',
    'injection moulding with screen printing; ISO 14001', [INJ], secondary=[P('screen/pad printing', ['SCREEN_PRINTING', 'PAD_PRINTING'])], certs=['ISO_14001'])
# --- Places --------------------------------------------------------------------------------------------------
add('place', 'vi', 'dập kim loại KCN Đình Vũ', 'metal stamping near DEEP C I (Dinh Vu IZ)', [STAMP], zone='DEEP_C_1')
add('place', 'vi', 'gia công CNC gần VSIP Hải Phòng', 'CNC machining near VSIP Hai Phong', [CNC], zone='VSIP_HP')
add('place', 'vi', 'ép nhựa Tràng Duệ', 'injection moulding near Trang Due', [INJ], zone='TRANG_DUE')
add('place', 'en', 'wire harness near Dai An industrial park', 'wire harness near Dai An', [HARNESS], zone='DAI_AN')
add('place', 'en', 'CNC machining Nomura Haiphong', 'CNC machining near Nomura', [CNC], zone='NOMURA_HP')
add('place', 'vi', 'lắp ráp SMT KCN Cộng Hòa', 'SMT assembly near Cong Hoa (Chi Linh)', [SMT], zone='CONG_HOA')
add('place', 'vi', 'ep phun nhua VSIP Hai Duong', 'injection moulding near VSIP Hai Duong (no diacritics)', [INJ], zone='VSIP_HD')
add('place', 'ja', 'VSIP ハイフォン 射出成形', 'injection moulding near VSIP Hai Phong', [INJ], zone='VSIP_HP')
add('place', 'ko', 'Trang Due 산업단지 CNC 가공', 'CNC machining near Trang Due (zone written in Latin letters)', [CNC], zone='TRANG_DUE')
add('place', 'en', 'zinc plating Nam Cau Kien', 'zinc plating near Nam Cau Kien', [ZINC], zone='NAM_CAU_KIEN')
add('place', 'vi', 'mạ điện gần Tân Liên', 'electroplating near Tan Lien', [PLATING], zone='TAN_LIEN')
# --- Certificates --------------------------------------------------------------------------------------------
add('cert', 'vi', 'gia công CNC có IATF 16949', 'CNC machining with IATF 16949', [CNC], certs=['IATF_16949'])
add('cert', 'vi', 'ép nhựa có ISO 14001', 'injection moulding with ISO 14001', [INJ], certs=['ISO_14001'])
add('cert', 'en', 'SMT assembly IPC-A-610', 'SMT assembly with IPC-A-610', [SMT], certs=['IPC_A_610'])
add('cert', 'en', 'wire harness IPC/WHMA-A-620', 'wire harness with IPC/WHMA-A-620', [HARNESS], certs=['IPC_WHMA_A_620'])
add('cert', 'en', 'metal stamping IATF16949', 'stamping with IATF 16949, written without space', [STAMP], certs=['IATF_16949'])
add('cert', 'vi', 'dap kim loai iso 9001', 'stamping with ISO 9001 (no diacritics, lower case)', [STAMP], certs=['ISO_9001'])
add('cert', 'en', 'RoHS compliant injection molding', 'injection moulding with RoHS', [INJ], certs=['ROHS'])
add('cert', 'ja', 'IATF16949 取得 プレス加工', 'stamping with IATF 16949', [STAMP], certs=['IATF_16949'])
add('cert', 'ko', 'ISO 14001 인증 사출성형', 'injection moulding with ISO 14001', [INJ], certs=['ISO_14001'])
add('cert', 'en', 'ESD S20.20 electronics assembly', 'electronics (SMT) assembly with ANSI/ESD S20.20', [SMT], certs=['ANSI_ESD_S20_20'])
add('cert', 'vi', 'mạ kẽm đạt ISO 14001', 'zinc plating with ISO 14001', [ZINC], certs=['ISO_14001'])
# --- Parts and material families (issue 12 item 6): what buyers name instead of a process. Written before the
# taxonomy grew; the reading is the process that makes the part (heat sinks: die casting or extrusion; brackets
# and clips: stamping; gaskets and grommets: rubber moulding; enclosures: injection moulding; shafts and pins:
# turning; PCBA modules: SMT assembly; laminations and cores: progressive-die stamping).
HEATSINK = P('die casting or extrusion of heat sinks', ['DIE_CASTING', 'ALUMINIUM_EXTRUSION'], minor=['GRAVITY_CASTING'], major=['CNC_MILLING', 'MULTI_AXIS_MACHINING'])
GASKET = P('rubber moulding of gaskets', ['RUBBER_MOULDING', 'LSR_MOULDING'], minor=['RUBBER_EXTRUSION'])
add('parts', 'vi', 'tản nhiệt nhôm', 'aluminium heat sinks', [HEATSINK])
add('parts', 'vi', 'giá đỡ thép', 'steel brackets', [STAMP])
add('parts', 'vi', 'gioăng cao su', 'rubber gaskets', [GASKET])
add('parts', 'vi', 'vo hop nhua ABS', 'ABS plastic enclosures (no diacritics)', [INJ])
add('parts', 'vi', 'lõi thép silic', 'silicon (electrical) steel cores', [PROG])
add('parts', 'en', 'heat sinks', 'heat sinks', [HEATSINK])
add('parts', 'en', 'metal brackets', 'metal brackets', [STAMP])
add('parts', 'en', 'PCBA modules', 'PCBA modules', [SMT])
add('parts', 'en', 'steel shafts and pins', 'steel shafts and pins', [TURN])
add('parts', 'en', 'electrical steel laminations', 'motor/transformer laminations in electrical steel', [PROG])
add('parts', 'en', 'spring steel clips', 'spring-steel clips (stamped from strip)', [STAMP])
add('parts', 'ja', 'ヒートシンク', 'heat sinks', [HEATSINK])
add('parts', 'ja', 'ブラケット', 'brackets', [STAMP])
add('parts', 'ko', '방열판', 'heat sinks', [HEATSINK])
add('parts', 'ko', '고무 가스켓', 'rubber gaskets', [GASKET])
add('parts', 'ko', '브래킷', 'brackets', [STAMP])
# --- Cores named as "lõi thép" (steel core), the usual Vietnamese word for a laminated motor or transformer
# core (issue 12, 2026-12-03). Added before the engine learnt the word, after parts-05 ("lõi thép silic") was
# seen read as the material alone; the run before the change is results/before-cores.txt.
add('parts', 'vi', 'lõi thép máy biến áp', 'transformer cores (laminated steel)', [PROG])
add('parts', 'vi', 'loi thep silic dong co', 'silicon-steel motor cores (no diacritics)', [PROG])
add('parts', 'vi', 'dập lõi thép stator', 'stamping stator cores', [PROG])
# --- Zones named in Japanese and Korean the way buyers write them: the park's name without 工業団地/산업단지, the
# Dinh Vu name of DEEP C I, Latin and kana/hangul mixed (issue 12, 2026-12-03). Added before the engine read
# such names, after place-08 ("VSIP ハイフォン 射出成形") was seen with no zone read; the run before the change is
# results/before-zones.txt.
add('place', 'ja', '野村ハイフォン CNC加工', 'CNC machining near Nomura Hai Phong (zone named without 工業団地)', [CNC], zone='NOMURA_HP')
add('place', 'ja', 'ディンヴー工業団地 プレス加工', 'metal stamping near DEEP C I (Dinh Vu IZ)', [STAMP], zone='DEEP_C_1')
add('place', 'ja', 'チャンズエ 射出成形', 'injection moulding near Trang Due', [INJ], zone='TRANG_DUE')
add('place', 'ko', '딘부 산업단지 프레스 가공', 'metal stamping near DEEP C I (Dinh Vu IZ)', [STAMP], zone='DEEP_C_1')
add('place', 'ko', 'VSIP 하이퐁 사출성형', 'injection moulding near VSIP Hai Phong (without 산업단지)', [INJ], zone='VSIP_HP')
add('place', 'ko', '노무라 하이퐁 CNC 가공', 'CNC machining near Nomura Hai Phong', [CNC], zone='NOMURA_HP')
# --- Sheet metal named as the part's form ("sheet-metal parts", 板金部品, 판금 부품, chi tiết kim loại tấm): buyers
# mean parts made from sheet, stamped or fabricated (issue 12, 2026-12-03). Added before the engine read the
# form as a part, after the text-only need kaisei-mfp-covers-sparse ("Sheet-metal rear covers ... blank, bend and
# spot-weld") was seen filtered to sheet-metal fabrication shops alone; the run before the change is
# results/before-sheet.txt.
SHEETP = P('sheet-metal parts', ['SHEET_METAL_FABRICATION', 'PRESS_BRAKE_BENDING', 'PUNCHING'] + STAMP_ALL,
           minor=['LASER_CUTTING', 'PLASMA_CUTTING'], major=['SPOT_WELDING', 'STAMPING_DIE_MAKING'])
add('parts', 'en', 'sheet metal parts', 'parts made from sheet metal (stamped or fabricated)', [SHEETP])
add('parts', 'en', 'sheet-metal covers SECC', 'SECC sheet-metal covers', [SHEETP], material=['SECC'])
add('parts', 'ja', '板金部品', 'sheet-metal parts', [SHEETP])
add('parts', 'ko', '판금 부품', 'sheet-metal parts', [SHEETP])
add('parts', 'vi', 'chi tiết kim loại tấm', 'sheet-metal parts', [SHEETP])

# --- Words a buyer writes that the taxonomy read as another process (2026-12-04): "CNC finishing" is machining
# after casting, not surface finishing; "plastic injection" is injection moulding without its last word.
# Written and labelled before the taxonomy changed.
add('long', 'en', 'die-cast aluminium housings with CNC finishing', 'die casting of aluminium housings, CNC machined after casting', [DIECAST], secondary=[CNC])
add('en', 'en', 'plastic injection', 'plastic injection moulding, without its last word', [INJ])
add('long', 'en', 'plastic injection of PP caps, about 1 million pcs a month', 'injection moulding of PP caps', [INJ])
