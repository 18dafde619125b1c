{% macro check_id() %}
    {#- A check row's key: stable across runs, so a finding keeps its id. -#}
    check_name || ':' || report_id || ':' || coalesce(metric_code, '') || ':' || coalesce(cast(fiscal_year as varchar), '')
{% endmacro %}
