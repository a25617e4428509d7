"""Selecting and totalling: filters, the array index behind them, net totals by kind and scope,
breakdowns, and the one figure builder every number a reader sees comes from."""
