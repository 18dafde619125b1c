"""Quality: Great Expectations suites over the staging frames and the facts, and the data-quality page.

Checks across rows (sums, ratios, year over year, restatements, completeness) are dbt models in
`dbt_project/models/data_quality`; dbt builds `marts.dq_findings` from them."""
