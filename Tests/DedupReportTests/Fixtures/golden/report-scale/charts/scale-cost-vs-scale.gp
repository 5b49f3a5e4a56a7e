# S3 storage (USD/month) vs scale — scale
# Written by dedupbench report. Regenerate from this directory: gnuplot scale-cost-vs-scale.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'scale-cost-vs-scale.svg'
set title 'S3 storage (USD/month) vs scale — scale'
set key outside right top noenhanced
set grid ytics
set ylabel 'S3 storage (USD/month)'
set yrange [0:*]
set xlabel 'scale'
set offsets graph 0.04, graph 0.04, 0, 0
set logscale x 10
plot 'scale-cost-vs-scale.dat' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'delta_merge', \
     '' index 0 using 1:2:(sprintf('%s, %s = %s: %s (n = %d)', 'bronze_append', 'scale', gprintf('%g', $1), gprintf('%.3s%c', $2), int($5))) with labels hypertext point pt 7 ps 1.6 lc rgb '#ff000000' notitle, \
     '' index 1 using 1:2:(sprintf('%s, %s = %s: %s (n = %d)', 'delta_merge', 'scale', gprintf('%g', $1), gprintf('%.3s%c', $2), int($5))) with labels hypertext point pt 7 ps 1.6 lc rgb '#ff000000' notitle
unset output
