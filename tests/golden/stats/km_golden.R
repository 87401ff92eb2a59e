#!/usr/bin/env Rscript
# Golden Kaplan-Meier summaries for the stats engine, from R's survival package (Therneau) on
# flipped data (Helsel 2012, Statistics for Censored Environmental Data Using Minitab and R,
# 2nd ed., ch. 6): each level x becomes M - x, a non-detect "<L" is right-censored at M - L.
#   mean, se     print(survfit)'s restricted mean and se(rmean) (rmean = "individual"),
#                mean = M - rmean
#   median, pNN  quantile(fit, probs = 1 - q) for q = 0.5, 0.9, 0.95; value = M - quantile
# Groups with fewer than 3 detects are written as refused (the engine's rule).
# Usage: Rscript km_golden.R censored_input.csv km_golden.csv
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 2)
d <- read.csv(args[1], colClasses = "character")
cens <- d$censored == "true"
level <- ifelse(cens, as.numeric(d$limit), as.numeric(d$value))
fmt <- function(x) if (is.na(x)) "NA" else sprintf("%.17g", x)
out <- c("group,n,detects,status,mean,se,median,p90,p95")
for (g in unique(d$group)) {
  i <- d$group == g
  x <- level[i]
  event <- !cens[i]
  detects <- sum(event)
  if (detects < 3) {
    out <- c(out, paste(g, length(x), detects, "refused:stats.too_few_detects", "NA", "NA", "NA", "NA", "NA", sep = ","))
    next
  }
  M <- max(x) + 1  # any constant above the largest level; the estimates do not depend on it
  fit <- survfit(Surv(M - x, event) ~ 1)
  tab <- summary(fit, rmean = "individual")$table
  q <- quantile(fit, probs = c(0.5, 0.1, 0.05), conf.int = FALSE)
  vals <- c(M - tab[["rmean"]], tab[["se(rmean)"]], M - q[[1]], M - q[[2]], M - q[[3]])
  out <- c(out, paste(g, length(x), detects, "ok", paste(sapply(vals, fmt), collapse = ","), sep = ","))
}
writeLines(out, args[2])
