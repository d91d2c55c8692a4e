"""Every read a page of esol lists, scoped by the user, with the joins and prefetches that keep
the number of queries the same however many rows there are. One module per noun."""
