select
    report_id,
    content_sha256,
    source_file,
    raw_path,
    encoding as source_encoding,
    size_bytes,
    landed_at
from {{ source('raw', 'manifest') }}
