# throughput (records/s) vs records per run — scale
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-throughput-vs-scale.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-throughput-vs-scale.svg'
set title 'throughput (records/s) vs records per run — scale'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'records per run'
set logscale x 10
set xrange [8695.652173913044:1150000]
set xtics ('10k' 10000, '100k' 100000, '1M' 1000000)
set ylabel 'throughput (records/s)'
set yrange [0:1000000]
set ytics ('0' 0, '200k' 200000, '400k' 400000, '600k' 600000, '800k' 800000, '1M' 1000000)
set label 'bronze_append · records per run 10k: 874k [95% CI 869k–910k]' at 10000, 873684.5 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 100k: 845k [95% CI 838k–884k]' at 100000, 845470.8 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · records per run 1M: 890k [95% CI 837k–915k]' at 1000000, 889887.2 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 10k: 536k [95% CI 516k–543k]' at 10000, 536246.2 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 100k: 291k [95% CI 287k–299k]' at 100000, 291384.6 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · records per run 1M: 169k [95% CI 168k–169k]' at 1000000, 169092.2 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'scale-throughput-vs-scale.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge'
unset output
