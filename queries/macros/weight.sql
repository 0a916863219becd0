-- weight(p): how many requests a logged row stands for, 1 / sampling_fraction (0 or NULL: 1).
1.0 / coalesce(nullif(@p.sampling_fraction, 0), 1.0)
