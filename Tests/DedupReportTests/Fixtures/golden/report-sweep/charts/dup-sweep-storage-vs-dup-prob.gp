# live table size vs duplicate rate — dup-sweep
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-storage-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-storage-vs-dup-prob.svg'
set title 'live table size vs duplicate rate — dup-sweep'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (%)'
set xrange [0:0.306]
set xtics ('0%%' 0, '10%%' 0.1, '30%%' 0.3)
set ylabel 'live table size (bytes)'
set yrange [0:20000000]
set ytics ('0 B' 0, '5 MB' 5000000, '10 MB' 10000000, '15 MB' 15000000, '20 MB' 20000000)
set label 'bronze_append · duplicate rate 0%: 11.8 MB' at 0, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: 13 MB' at 0.1, 12984096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: 15.3 MB' at 0.3, 15344096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: 11.8 MB' at 0, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: 11.8 MB' at 0.1, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: 11.8 MB' at 0.3, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: 11.8 MB' at 0, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: 11.8 MB' at 0.1, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: 11.8 MB' at 0.3, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: 11.8 MB' at 0, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: 11.8 MB' at 0.1, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: 11.8 MB' at 0.3, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'dup-sweep-storage-vs-dup-prob.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2 with linespoints lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2 with linespoints lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset output
