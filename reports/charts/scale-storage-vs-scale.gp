# Bytes on disk vs records
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-storage-vs-scale.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-storage-vs-scale.svg'
set title 'Bytes on disk vs records'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'records per run (scale)'
set logscale x 10
set xrange [8695.652173913044:11500000]
set xtics ('10k' 10000, '31.6k' 31623, '100k' 100000, '316k' 316228, '1M' 1000000, '3.16M' 3162278, '10M' 10000000)
set ylabel 'size on disk before vacuum'
set logscale y 10
set yrange [1000000:10000000000]
set ytics ('1 MB' 1000000, '10 MB' 10000000, '100 MB' 100000000, '1 GB' 1000000000, '10 GB' 10000000000)
set label 'bronze_append · records per run 10k: 1.69 MB' at 10000, 1689261 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 31.6k: 5.12 MB' at 31623, 5120546 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 100k: 16.1 MB' at 100000, 16097079 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 316k: 51.1 MB' at 316228, 51055924 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 1M: 161 MB' at 1000000, 160941703 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 3.16M: 509 MB' at 3162278, 508886270 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 10M: 1.61 GB' at 10000000, 1607424950 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10k: 1.93 MB' at 10000, 1932565 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 31.6k: 5.69 MB' at 31623, 5685945 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 100k: 17.4 MB' at 100000, 17430044 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 316k: 54.8 MB' at 316228, 54812474 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 1M: 172 MB' at 1000000, 171548205 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 3.16M: 539 MB' at 3162278, 538554100 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10M: 1.63 GB' at 10000000, 1633957381 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10k: 1.58 MB' at 10000, 1578748 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 31.6k: 4.94 MB' at 31623, 4940528 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 100k: 15.6 MB' at 100000, 15582382 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 316k: 49.5 MB' at 316228, 49506096 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 1M: 156 MB' at 1000000, 155861575 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 3.16M: 492 MB' at 3162278, 492322157 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10M: 1.56 GB' at 10000000, 1556091331 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10k: 1.93 MB' at 10000, 1933708 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 31.6k: 5.68 MB' at 31623, 5680437 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 100k: 17.4 MB' at 100000, 17425811 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 316k: 54.8 MB' at 316228, 54842354 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 1M: 172 MB' at 1000000, 171628540 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 3.16M: 539 MB' at 3162278, 538607467 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10M: 1.63 GB' at 10000000, 1633771771 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'scale-storage-vs-scale.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2 with linespoints lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2 with linespoints lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'scale-storage-vs-scale.png'
replot
unset output
