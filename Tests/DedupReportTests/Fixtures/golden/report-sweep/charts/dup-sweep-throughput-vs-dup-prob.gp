# throughput (records/s) vs duplicate rate — dup-sweep
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-throughput-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-throughput-vs-dup-prob.svg'
set title 'throughput (records/s) vs duplicate rate — dup-sweep'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (%)'
set xrange [0:0.306]
set xtics ('0%%' 0, '10%%' 0.1, '30%%' 0.3)
set ylabel 'throughput (records/s)'
set yrange [0:1000000]
set ytics ('0' 0, '200k' 200000, '400k' 400000, '600k' 600000, '800k' 800000, '1M' 1000000)
set label 'bronze_append · duplicate rate 0%: 903k [95% CI 884k–914k]' at 0, 903229.4 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: 834k [95% CI 833k–835k]' at 0.1, 834413.3 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: 813k [95% CI 788k–829k]' at 0.3, 812818.1 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: 299k [95% CI 296k–318k]' at 0, 299211.5 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: 307k [95% CI 303k–312k]' at 0.1, 306572.5 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: 287k [95% CI 281k–292k]' at 0.3, 286529.9 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: 707k [95% CI 697k–723k]' at 0, 706676.1 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: 700k [95% CI 690k–709k]' at 0.1, 699704.6000000001 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: 661k [95% CI 641k–677k]' at 0.3, 660924.5 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: 642k [95% CI 625k–650k]' at 0, 642225 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: 582k [95% CI 580k–590k]' at 0.1, 582198.9 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: 567k [95% CI 539k–572k]' at 0.3, 566893.7 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'dup-sweep-throughput-vs-dup-prob.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset output
