# Throughput vs duplicate rate (1M records)
# Written by dedupbench report. Regenerate from this directory: gnuplot default-throughput-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'default-throughput-vs-dup-prob.svg'
set title 'Throughput vs duplicate rate (1M records)'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (%)'
set xrange [0:0.306]
set xtics ('0%%' 0, '10%%' 0.1, '30%%' 0.3)
set ylabel 'throughput (records/s)'
set yrange [0:2000000]
set ytics ('0' 0, '500k' 500000, '1M' 1000000, '1.5M' 1500000, '2M' 2000000)
set label 'bronze_append · duplicate rate 0%: 1.48M [95% CI 1.24M–1.77M]' at 0, 1476210.369463535 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: 1.32M [95% CI 1.22M–1.4M]' at 0.1, 1322296.259183522 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: 1.19M [95% CI 1.03M–1.74M]' at 0.3, 1190140.7059938256 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: 903k [95% CI 815k–926k]' at 0, 903241.1947681265 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: 806k [95% CI 760k–874k]' at 0.1, 805804.4084846961 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: 974k [95% CI 903k–1.04M]' at 0.3, 973571.5141122049 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: 1.05M [95% CI 888k–1.15M]' at 0, 1050856.3816386969 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: 975k [95% CI 901k–1.03M]' at 0.1, 975159.8043920688 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: 1.04M [95% CI 964k–1.19M]' at 0.3, 1038838.8082344049 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: 816k [95% CI 747k–930k]' at 0, 816267.0417373065 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: 741k [95% CI 717k–765k]' at 0.1, 741267.1249081584 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: 890k [95% CI 818k–931k]' at 0.3, 889524.5840144078 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'default-throughput-vs-dup-prob.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'default-throughput-vs-dup-prob.png'
replot
unset output
