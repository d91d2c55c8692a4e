"""Every write of the esol app: keyword-only arguments, never a request. One module per noun."""
