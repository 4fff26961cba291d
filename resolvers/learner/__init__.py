"""The learner side: learner records (F6), their achievements (F5), withdrawals, feedback (F7),
and the learner's own account (F15)."""
