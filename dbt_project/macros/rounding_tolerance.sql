{% macro rounding_tolerance(raw_value) %}
    {#- Half the place value of the last digit a figure prints, in its reported unit: `1,625` 0.5,
        `12.34` 0.005, `3.86215e+09` (pandas, Excel) 5000. Two statements of one fact within it agree. -#}
    0.5 * pow(
        10,
        coalesce(try_cast(regexp_extract({{ raw_value }}, '[eE]([+-]?[0-9]+)$', 1) as integer), 0)
        - length(
            split_part(regexp_replace(regexp_replace({{ raw_value }}, '[eE][+-]?[0-9]+$', ''), '[^0-9.]', '', 'g'), '.', 2)
        )
    )
{% endmacro %}
