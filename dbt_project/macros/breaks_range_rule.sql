{% macro breaks_range_rule(rule, fact) %}
    {#- Whether `fact` (a relation alias with value and unit) breaks `rule` (a row of seed dq_range_rules):
        the one definition of an impossible value, used by dq_range and by fct_company_metric_year. -#}
    (
        ({{ rule }}.unit = '*' or {{ rule }}.unit = {{ fact }}.unit)
        and (
            {{ fact }}.value < coalesce({{ rule }}.min_value, -'infinity'::double)
            or {{ fact }}.value > coalesce({{ rule }}.max_value, 'infinity'::double)
        )
    )
{% endmacro %}
