select
    code as metric_code,
    pillar,
    hkex_kpi,
    gri,
    canonical_unit,
    description as name_en,
    name_zh,
    direction
from {{ ref('metric_dictionary') }}
