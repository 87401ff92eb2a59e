#!/usr/bin/env Rscript
# R side of bench/stats_km_bench.sh: Kaplan-Meier summaries of every group with R's survival
# package on flipped data (Helsel 2012 ch. 6), the same conventions as the stats engine
# (tests/golden/stats/km_golden.R): mean and se = summary(fit, rmean = "individual")$table
# rmean / se(rmean) flipped back, median/P90/P95 = M - quantile(fit, c(.5, .1, .05)).
# conf.type = "none": the confidence bands are not part of the summary, so R does not compute them.
#   method "split":  split() the data by group, lapply() one survfit per group (M = group max + 1)
#   method "strata": one survfit(Surv(M - x, event) ~ group) for all groups (M = overall max + 1),
#                    per-stratum table from summary(), quantiles from quantile.survfit
# Usage: Rscript stats_km.R INPUT.csv OUT.csv split|strata
# Prints read_seconds=… km_seconds=… groups=…
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 3)
t0 <- proc.time()[["elapsed"]]
d <- read.csv(args[1], colClasses = c("character", "numeric", "character", "numeric"))
event <- d$censored == "false"
level <- ifelse(event, d$value, d$limit)
groups <- factor(d$group, levels = unique(d$group))
read_seconds <- proc.time()[["elapsed"]] - t0

t0 <- proc.time()[["elapsed"]]
if (args[3] == "split") {
  one <- function(x, e) {
    M <- max(x) + 1
    fit <- survfit(Surv(M - x, e) ~ 1, conf.type = "none")
    tab <- summary(fit, rmean = "individual")$table
    q <- quantile(fit, probs = c(0.5, 0.1, 0.05), conf.int = FALSE)
    c(length(x), sum(e), M - tab[["rmean"]], tab[["se(rmean)"]], M - q[[1]], M - q[[2]], M - q[[3]])
  }
  xs <- split(level, groups)
  es <- split(event, groups)
  res <- do.call(rbind, mapply(one, xs, es, SIMPLIFY = FALSE))
} else {
  M <- max(level) + 1
  fit <- survfit(Surv(M - level, event) ~ groups, conf.type = "none")
  tab <- summary(fit, rmean = "individual")$table
  q <- quantile(fit, probs = c(0.5, 0.1, 0.05), conf.int = FALSE)
  res <- cbind(tab[, "records"], tab[, "events"], M - tab[, "rmean"], tab[, "se(rmean)"], M - q[, 1], M - q[, 2], M - q[, 3])
}
km_seconds <- proc.time()[["elapsed"]] - t0

out <- data.frame(group = levels(groups), n = res[, 1], detects = res[, 2], mean = res[, 3], se = res[, 4],
                  median = res[, 5], p90 = res[, 6], p95 = res[, 7])
fmt <- function(v) ifelse(is.na(v), "NA", sprintf("%.17g", v))
for (k in c("mean", "se", "median", "p90", "p95")) out[[k]] <- fmt(out[[k]])
write.csv(out, args[2], row.names = FALSE, quote = FALSE)
cat(sprintf("read_seconds=%.3f km_seconds=%.3f groups=%d\n", read_seconds, km_seconds, nlevels(groups)))
