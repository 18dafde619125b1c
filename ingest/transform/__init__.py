"""Transform: the warehouse's dbt builds (staging, intermediate, marts, the dbt checks), in-process."""
