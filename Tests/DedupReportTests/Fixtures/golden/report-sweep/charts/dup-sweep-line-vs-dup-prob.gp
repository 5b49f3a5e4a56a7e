# Peak memory
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-line-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-line-vs-dup-prob.svg'
set title 'Peak memory'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (%)'
set xrange [0:0.306]
set xtics ('0%%' 0, '10%%' 0.1, '30%%' 0.3)
set ylabel 'peak memory (RSS, bytes)'
set yrange [0:250000000]
set ytics ('0 B' 0, '50 MB' 50000000, '100 MB' 100000000, '150 MB' 150000000, '200 MB' 200000000, '250 MB' 250000000)
set label 'bronze_append · duplicate rate 0%: 215 MB [95% CI 215 MB–215 MB]' at 0, 214790509 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: 215 MB [95% CI 215 MB–215 MB]' at 0.1, 214960187 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: 215 MB [95% CI 215 MB–215 MB]' at 0.3, 215196111 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: 215 MB [95% CI 215 MB–215 MB]' at 0, 215043815 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: 215 MB [95% CI 215 MB–215 MB]' at 0.1, 214973723 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: 215 MB [95% CI 215 MB–215 MB]' at 0.3, 215182649.5 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: 215 MB [95% CI 215 MB–215 MB]' at 0, 214956555 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: 215 MB [95% CI 215 MB–215 MB]' at 0.1, 215172239 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: 215 MB [95% CI 215 MB–215 MB]' at 0.3, 214872762 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: 215 MB [95% CI 215 MB–215 MB]' at 0, 214873765 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: 215 MB [95% CI 215 MB–215 MB]' at 0.1, 215048960 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: 215 MB [95% CI 215 MB–215 MB]' at 0.3, 214823575 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'dup-sweep-line-vs-dup-prob.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset output
