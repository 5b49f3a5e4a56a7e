# live table size vs records per run — scale
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-storage-vs-scale.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-storage-vs-scale.svg'
set title 'live table size vs records per run — scale'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'records per run'
set logscale x 10
set xrange [8695.652173913044:1150000]
set xtics ('10k' 10000, '100k' 100000, '1M' 1000000)
set ylabel 'live table size (bytes)'
set logscale y 10
set yrange [1000000:200000000]
set ytics ('1 MB' 1000000, '2 MB' 2000000, '5 MB' 5000000, '10 MB' 10000000, '20 MB' 20000000, '50 MB' 50000000, '100 MB' 100000000, '200 MB' 200000000)
set label 'bronze_append · records per run 10k: 1.3 MB' at 10000, 1302096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 100k: 13 MB' at 100000, 12984096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 1M: 130 MB' at 1000000, 129804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10k: 1.18 MB' at 10000, 1184096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 100k: 11.8 MB' at 100000, 11804096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 1M: 118 MB' at 1000000, 118004096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'scale-storage-vs-scale.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge'
unset output
