select
    content_sha256,
    source_file,
    stage,
    reason,
    quarantined_at,
    quarantine_path
from {{ source('raw', 'quarantine') }}
