"""Mapping: printed labels and units -> core metric codes and canonical units.

- `normalize`: the one normalisation every label goes through before lookup;
- `lexicon`: the label lexicon and its exclusions (dbt seeds `label_lexicon`, `label_exclusions`).
"""
