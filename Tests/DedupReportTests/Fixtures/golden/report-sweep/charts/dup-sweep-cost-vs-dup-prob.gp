# S3 storage cost (USD/month) vs duplicate rate — dup-sweep
# Written by dedupbench report. Regenerate from this directory: gnuplot dup-sweep-cost-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'dup-sweep-cost-vs-dup-prob.svg'
set title 'S3 storage cost (USD/month) vs duplicate rate — dup-sweep'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (%)'
set xrange [0:0.306]
set xtics ('0%%' 0, '10%%' 0.1, '30%%' 0.3)
set ylabel 'S3 storage cost (USD/month)'
set yrange [0:0.0004]
set ytics ('$0' 0, '$0.0001' 0.0001, '$0.0002' 0.0002, '$0.0003' 0.0003, '$0.0004' 0.0004)
set label 'bronze_append · duplicate rate 0%: $0.000253' at 0, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: $0.000278' at 0.1, 0.0002781248 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: $0.000329' at 0.3, 0.000328677 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: $0.000253' at 0, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: $0.000253' at 0.1, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: $0.000253' at 0.3, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: $0.000253' at 0, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: $0.000253' at 0.1, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: $0.000253' at 0.3, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: $0.000253' at 0, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: $0.000253' at 0.1, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: $0.000253' at 0.3, 0.0002528487 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'dup-sweep-cost-vs-dup-prob.dat' index 0 using 1:2 with linespoints lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2 with linespoints lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2 with linespoints lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2 with linespoints lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset output
