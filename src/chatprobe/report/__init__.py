"""Report: the evidence report (HTML, PDF) and the exhibit schedule and member profiles (CSV, JSON)."""
