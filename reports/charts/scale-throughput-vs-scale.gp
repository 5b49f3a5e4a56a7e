# Throughput vs records
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-throughput-vs-scale.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-throughput-vs-scale.svg'
set title 'Throughput vs records'
set key outside right top noenhanced
set grid ytics
set ylabel 'throughput (records/s)'
set yrange [0:*]
set xlabel 'scale'
set offsets graph 0.04, graph 0.04, 0, 0
set logscale x 10
plot 'scale-throughput-vs-scale.dat' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'polars_merge'
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'scale-throughput-vs-scale.png'
replot
unset output
