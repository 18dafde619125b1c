"""Mapping: printed labels and units -> core metric codes and canonical units.

- `normalize`: the one normalisation every label goes through before lookup;
- `lexicon`: the label lexicon and its exclusions (dbt seeds `label_lexicon`, `label_exclusions`).
- `vocabulary`: the domain words of the readers' rules (dbt seed `label_vocabulary`).
"""
