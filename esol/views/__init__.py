"""Pages of the esol app, one module per noun. Thin: check the permission, read through a
selector scoped to the user, write through a service, render."""
