"""Forms of the esol app (crispy-forms-gds layouts), one module per noun. Each lists the fields it
takes: round, project, status, provider and reviewer are never among what a grantee or provider
can post, so posting them changes nothing."""
