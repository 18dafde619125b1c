{% test unique_combination(model, columns) %}
-- Fails for every combination of `columns` that occurs more than once: the model's grain.
select
    {{ columns | join(', ') }},
    count(*) as rows_per_key
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
