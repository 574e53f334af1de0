-- Old windows are forgotten by every hit (in the same statement), which needs finding them by their start.
create index rate_limit_window_idx on rate_limit (window_start);
