{% macro is_impossible_value(value, unit) %}
    {#- Values no report can mean: negative quantities, percentages above 100. The `error` rows of
        expectations/metric_ranges.csv declare the same two rules for the data-quality findings. -#}
    coalesce({{ value }} < 0 or ({{ unit }} = 'pct' and {{ value }} > 100), false)
{% endmacro %}
