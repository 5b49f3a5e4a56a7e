# Throughput vs duplicate rate
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-throughput-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-throughput-vs-dup-prob.svg'
set title 'Throughput vs duplicate rate'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (dup_prob)'
set xrange [0:0.51]
set xtics ('0%%' 0, '10%%' 0.1, '20%%' 0.2, '30%%' 0.3, '40%%' 0.4, '50%%' 0.5)
set ylabel 'throughput (records/s)'
set yrange [0:3000000]
set ytics ('0' 0, '1M' 1000000, '2M' 2000000, '3M' 3000000)
set label 'bronze_append · duplicate rate 0%: 2.18M [95% CI 1.8M–2.49M]' at 0, 2179176.574461818 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 5%: 2.23M [95% CI 2.2M–2.34M]' at 0.05, 2230954.7806027355 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: 2.21M [95% CI 2M–2.38M]' at 0.1, 2205241.656118755 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 15%: 2.12M [95% CI 2.09M–2.22M]' at 0.15, 2118765.489885479 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 20%: 2.18M [95% CI 1.9M–2.47M]' at 0.2, 2180265.7935249815 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 25%: 1.87M [95% CI 1.83M–2.05M]' at 0.25, 1869973.2952700846 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: 2.25M [95% CI 1.79M–2.51M]' at 0.3, 2247078.5944128036 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 35%: 2.17M [95% CI 2.14M–2.5M]' at 0.35, 2165845.1103876615 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 40%: 2.53M [95% CI 2.41M–2.54M]' at 0.4, 2529256.8606301174 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 45%: 2.29M [95% CI 2.1M–2.62M]' at 0.45, 2288961.058905022 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 50%: 2.35M [95% CI 2.1M–2.47M]' at 0.5, 2350497.822911194 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: 1.69M [95% CI 1.54M–1.72M]' at 0, 1689901.1828103552 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 5%: 1.5M [95% CI 1.43M–1.56M]' at 0.05, 1498958.7864639256 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: 1.54M [95% CI 1.5M–1.67M]' at 0.1, 1543974.7690395017 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 15%: 1.67M [95% CI 1.63M–1.69M]' at 0.15, 1673099.105454687 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 20%: 1.68M [95% CI 1.58M–1.71M]' at 0.2, 1678145.2827941657 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 25%: 1.63M [95% CI 1.63M–1.65M]' at 0.25, 1634142.1981522727 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: 1.64M [95% CI 1.64M–1.71M]' at 0.3, 1642727.903036514 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 35%: 1.71M [95% CI 1.55M–1.76M]' at 0.35, 1711993.565222004 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 40%: 1.84M [95% CI 1.61M–1.88M]' at 0.4, 1835367.19904072 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 45%: 1.86M [95% CI 1.81M–1.88M]' at 0.45, 1857479.644245669 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 50%: 1.85M [95% CI 1.81M–1.85M]' at 0.5, 1848263.4681016544 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: 2.09M [95% CI 2.08M–2.23M]' at 0, 2086159.2446461588 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 5%: 1.95M [95% CI 1.95M–2.01M]' at 0.05, 1947447.0725123694 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: 2.01M [95% CI 1.94M–2.03M]' at 0.1, 2009400.6644780168 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 15%: 1.98M [95% CI 1.51M–2.14M]' at 0.15, 1980469.3989427695 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 20%: 1.66M [95% CI 1.52M–1.79M]' at 0.2, 1664512.5584509321 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 25%: 1.78M [95% CI 1.73M–2.12M]' at 0.25, 1775928.9039312403 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: 1.92M [95% CI 1.74M–2.21M]' at 0.3, 1916400.5732315823 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 35%: 2.21M [95% CI 2.05M–2.3M]' at 0.35, 2207092.5882156123 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 40%: 1.9M [95% CI 1.72M–2.3M]' at 0.4, 1900167.6612461824 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 45%: 2.15M [95% CI 2M–2.28M]' at 0.45, 2146162.5566640934 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 50%: 2.32M [95% CI 2.12M–2.34M]' at 0.5, 2321104.3210288133 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: 1.76M [95% CI 1.74M–1.77M]' at 0, 1757404.346958961 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 5%: 1.61M [95% CI 1.53M–1.62M]' at 0.05, 1606221.3260963028 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: 1.65M [95% CI 1.62M–1.67M]' at 0.1, 1646156.2162617017 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 15%: 1.55M [95% CI 1.54M–1.69M]' at 0.15, 1551016.0248292324 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 20%: 1.69M [95% CI 1.68M–1.73M]' at 0.2, 1691533.81999656 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 25%: 1.48M [95% CI 1.45M–1.79M]' at 0.25, 1476265.7397033551 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: 1.58M [95% CI 1.53M–1.75M]' at 0.3, 1583483.2201123124 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 35%: 1.65M [95% CI 1.45M–1.69M]' at 0.35, 1649423.1049454608 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 40%: 1.83M [95% CI 1.66M–1.85M]' at 0.4, 1831441.276274592 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 45%: 1.84M [95% CI 1.71M–2.01M]' at 0.45, 1838106.9897625195 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 50%: 1.95M [95% CI 1.8M–1.96M]' at 0.5, 1946933.632042245 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'dup-sweep-throughput-vs-dup-prob.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'dup-sweep-throughput-vs-dup-prob.png'
replot
unset output
