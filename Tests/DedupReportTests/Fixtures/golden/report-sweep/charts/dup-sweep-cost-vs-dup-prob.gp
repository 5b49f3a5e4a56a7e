# S3 storage (USD/month) vs dup_prob — dup-sweep
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-cost-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-cost-vs-dup-prob.svg'
set title 'S3 storage (USD/month) vs dup_prob — dup-sweep'
set key outside right top noenhanced
set grid ytics
set ylabel 'S3 storage (USD/month)'
set yrange [0:*]
set xlabel 'dup_prob'
set offsets graph 0.04, graph 0.04, 0, 0
plot 'dup-sweep-cost-vs-dup-prob.dat' index 0 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lw 2 pt 7 ps 0.8 title 'polars_merge', \
     '' index 0 using 1:2:(sprintf('%s, %s = %s: %s (n = %d)', 'bronze_append', 'dup_prob', gprintf('%g', $1), gprintf('%.3s%c', $2), int($5))) with labels hypertext point pt 7 ps 1.6 lc rgb '#ff000000' notitle, \
     '' index 1 using 1:2:(sprintf('%s, %s = %s: %s (n = %d)', 'delta_merge', 'dup_prob', gprintf('%g', $1), gprintf('%.3s%c', $2), int($5))) with labels hypertext point pt 7 ps 1.6 lc rgb '#ff000000' notitle, \
     '' index 2 using 1:2:(sprintf('%s, %s = %s: %s (n = %d)', 'eager_dedup', 'dup_prob', gprintf('%g', $1), gprintf('%.3s%c', $2), int($5))) with labels hypertext point pt 7 ps 1.6 lc rgb '#ff000000' notitle, \
     '' index 3 using 1:2:(sprintf('%s, %s = %s: %s (n = %d)', 'polars_merge', 'dup_prob', gprintf('%g', $1), gprintf('%.3s%c', $2), int($5))) with labels hypertext point pt 7 ps 1.6 lc rgb '#ff000000' notitle
unset output
