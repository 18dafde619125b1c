{% macro metric_codes() %}
    {#- The metric codes of the metric_dictionary seed, read when dbt runs; none while parsing or linting. -#}
    {%- if execute and run_query is defined -%}
        {%- set result = run_query('select code from ' ~ ref('metric_dictionary') ~ ' order by code') -%}
        {{- return(result.columns[0].values()) -}}
    {%- endif -%}
    {{- return([]) -}}
{% endmacro %}
