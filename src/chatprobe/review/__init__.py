"""Review: people decide. Reviewers confirm, dismiss or escalate each finding, with a note; an optional
second review shows agreement. Every decision is kept (never overwritten) and audited."""
