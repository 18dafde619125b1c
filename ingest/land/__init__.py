"""Land: report files into the immutable, content-addressed raw zone, or into quarantine with a reason."""
