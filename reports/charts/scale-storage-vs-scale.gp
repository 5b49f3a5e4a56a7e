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
set xlabel 'records per run'
set logscale x 10
set xrange [8695.652173913044:11500000]
set xtics ('10k' 10000, '31.6k' 31623, '100k' 100000, '316k' 316228, '1M' 1000000, '3.16M' 3162278, '10M' 10000000)
set ylabel 'size on disk before vacuum (bytes)'
set logscale y 10
set yrange [1000000:10000000000]
set ytics ('1 MB' 1000000, '10 MB' 10000000, '100 MB' 100000000, '1 GB' 1000000000, '10 GB' 10000000000)
set label 'bronze_append · records per run 10k: 1.7 MB' at 10000, 1704207 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 31.6k: 5.14 MB' at 31623, 5135506 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 100k: 16.1 MB' at 100000, 16112054 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 316k: 51.1 MB' at 316228, 51071946 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 1M: 161 MB' at 1000000, 160961862 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 3.16M: 509 MB' at 3162278, 508919912 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 10M: 1.61 GB' at 10000000, 1607499106 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10k: 2.01 MB' at 10000, 2013655 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 31.6k: 5.77 MB' at 31623, 5767140 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 100k: 17.5 MB' at 100000, 17511346 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 316k: 54.9 MB' at 316228, 54894913 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 1M: 172 MB' at 1000000, 171634883 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 3.16M: 539 MB' at 3162278, 538648135 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10M: 1.63 GB' at 10000000, 1634085615 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10k: 1.59 MB' at 10000, 1593689 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 31.6k: 4.96 MB' at 31623, 4955488 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 100k: 15.6 MB' at 100000, 15597352 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 316k: 49.5 MB' at 316228, 49522118 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 1M: 156 MB' at 1000000, 155881734 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 3.16M: 492 MB' at 3162278, 492355798 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · records per run 10M: 1.56 GB' at 10000000, 1556165486 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10k: 2.01 MB' at 10000, 2014798 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 31.6k: 5.76 MB' at 31623, 5761632 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 100k: 17.5 MB' at 100000, 17507113 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 316k: 54.9 MB' at 316228, 54924793 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 1M: 172 MB' at 1000000, 171715218 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 3.16M: 539 MB' at 3162278, 538701502 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · records per run 10M: 1.63 GB' at 10000000, 1633900005 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'scale-storage-vs-scale.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2 with linespoints lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2 with linespoints lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'scale-storage-vs-scale.png'
replot
unset output
