# S3 cost (first month) vs duplicate rate
# Written by dedupbench report. Regenerate from this directory: gnuplot default-cost-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'default-cost-vs-dup-prob.svg'
set title 'S3 cost (first month) vs duplicate rate'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (%)'
set xrange [0:0.306]
set xtics ('0%%' 0, '10%%' 0.1, '30%%' 0.3)
set ylabel 'S3 cost, first month (USD)'
set yrange [0:0.005]
set ytics ('$0' 0, '$0.001' 0.001, '$0.002' 0.002, '$0.003' 0.003, '$0.004' 0.004, '$0.005' 0.005)
set label 'bronze_append · duplicate rate 0%: $0.00358' at 0, 0.003578276436 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: $0.00369' at 0.1, 0.003691088487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: $0.00401' at 0.3, 0.004012756559 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: $0.00379' at 0, 0.003785664007 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: $0.00379' at 0.1, 0.003789078865 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: $0.00379' at 0.3, 0.003789089768 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: $0.00358' at 0, 0.003578293615 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: $0.00358' at 0.1, 0.003578193753 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: $0.00358' at 0.3, 0.003578172225 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: $0.00378' at 0, 0.003782454517 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: $0.00379' at 0.1, 0.003785492617 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: $0.00379' at 0.3, 0.0037855195 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'default-cost-vs-dup-prob.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2 with linespoints lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2 with linespoints lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'default-cost-vs-dup-prob.png'
replot
unset output
